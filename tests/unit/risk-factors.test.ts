import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_SETTINGS, medianTotal, riskFactors, riskScore, type RiskOrder } from "@/server/customers/risk-factors";

const at = (hours: number) => new Date(Date.UTC(2026, 10, 1) + hours * 3600_000);
let n = 0;
const order = (o: Partial<RiskOrder> = {}): RiskOrder => ({
  id: `o-${++n}`,
  placedAt: at(n * 100),
  total: 20_000,
  cod: true,
  refusedAtDoor: false,
  outcome: "delivered",
  confirmation: "not_asked",
  canceledAfterConfirming: false,
  ...o,
});
const complete = { shortAddress: "RRRD2929", buildingNumber: null };
const factor = (name: string, input: Parameters<typeof riskFactors>[0], settings = DEFAULT_RISK_SETTINGS) =>
  riskFactors(input, settings).find((f) => f.factor === name)!;

describe("risk factors, each on its own", () => {
  it("a customer with a good history scores nothing, and every factor is still listed", () => {
    const factors = riskFactors({ orders: [order(), order(), order()], storeMedianTotal: 20_000, address: complete });
    expect(factors.map((f) => f.factor)).toEqual([
      "refusedAtDoor",
      "canceledAfterConfirming",
      "unconfirmed",
      "returnShare",
      "firstOrderAboveMedian",
      "codBurst",
      "incompleteAddress",
    ]);
    expect(factors.every((f) => f.points === 0)).toBe(true);
    expect(riskScore(factors)).toEqual({ score: 0, band: "low" });
  });
  it("parcels refused at the door: half the weight for one, all of it from two, with the orders named", () => {
    const one = order({ refusedAtDoor: true, outcome: "open" });
    expect(factor("refusedAtDoor", { orders: [order(), one], storeMedianTotal: null, address: null })).toMatchObject({
      value: 1,
      points: 20,
      orderIds: [one.id],
    });
    const two = [
      order({ refusedAtDoor: true, outcome: "open" }),
      order({ refusedAtDoor: true, outcome: "open" }),
      order({ refusedAtDoor: true, outcome: "open" }),
    ];
    expect(factor("refusedAtDoor", { orders: two, storeMedianTotal: null, address: null })).toMatchObject({ value: 3, strength: 1, points: 40 });
  });
  it("cancellations after confirming and unanswered confirmations", () => {
    const orders = [
      order({ canceledAfterConfirming: true, outcome: "canceled", confirmation: "confirmed" }),
      order({ confirmation: "no_answer", outcome: "canceled" }),
    ];
    expect(factor("canceledAfterConfirming", { orders, storeMedianTotal: null, address: null })).toMatchObject({ value: 1, points: 10 });
    expect(factor("unconfirmed", { orders, storeMedianTotal: null, address: null })).toMatchObject({ value: 1, points: 5, orderIds: [orders[1].id] });
  });
  it("return share counts only finished parcels, and only once there are two", () => {
    const lone = [order({ outcome: "returned" })];
    expect(factor("returnShare", { orders: lone, storeMedianTotal: null, address: null }).points).toBe(0);
    const half = [order({ outcome: "returned" }), order(), order({ outcome: "open" })];
    expect(factor("returnShare", { orders: half, storeMedianTotal: null, address: null })).toMatchObject({ value: 0.5, strength: 1, points: 20 });
    const quarter = [order({ outcome: "returned" }), order(), order(), order()];
    expect(factor("returnShare", { orders: quarter, storeMedianTotal: null, address: null })).toMatchObject({ value: 0.25, points: 10 });
  });
  it("a first order far above the store's median, but not once the customer has had one delivered", () => {
    const big = order({ total: 90_000, outcome: "open" });
    expect(factor("firstOrderAboveMedian", { orders: [big], storeMedianTotal: 20_000, address: null })).toMatchObject({
      value: 1,
      points: 10,
      orderIds: [big.id],
    });
    expect(
      factor("firstOrderAboveMedian", { orders: [order(), order({ total: 90_000, outcome: "open" })], storeMedianTotal: 20_000, address: null }).points,
    ).toBe(0);
    expect(factor("firstOrderAboveMedian", { orders: [order({ total: 50_000, outcome: "open" })], storeMedianTotal: 20_000, address: null }).points).toBe(0);
  });
  it("several COD orders in a short time: the largest window is found, and paid orders do not count", () => {
    const base = at(10_000).getTime();
    const burst = [0, 5, 23].map((h) => order({ placedAt: new Date(base + h * 3600_000), outcome: "open" }));
    const card = order({ placedAt: new Date(base + 2 * 3600_000), cod: false, outcome: "open" });
    const later = order({ placedAt: new Date(base + 60 * 3600_000), outcome: "open" });
    const f = factor("codBurst", { orders: [later, card, ...burst], storeMedianTotal: null, address: null });
    expect(f).toMatchObject({ value: 3, points: 15 });
    expect(f.orderIds).toEqual(burst.map((o) => o.id));
    const spread = [0, 13, 26].map((h) => order({ placedAt: new Date(base + h * 3600_000), outcome: "open" }));
    expect(factor("codBurst", { orders: spread, storeMedianTotal: null, address: null })).toMatchObject({ value: 2, points: 0, orderIds: [] });
  });
  it("an address with neither a national short address nor a building number", () => {
    expect(factor("incompleteAddress", { orders: [order()], storeMedianTotal: null, address: { shortAddress: " ", buildingNumber: null } }).points).toBe(10);
    expect(factor("incompleteAddress", { orders: [order()], storeMedianTotal: null, address: { shortAddress: null, buildingNumber: "8228" } }).points).toBe(0);
  });
});

describe("the score", () => {
  it("adds the factors' points, at most 100, and bands by the store's thresholds", () => {
    const bad = [order({ refusedAtDoor: true, outcome: "open" }), order({ refusedAtDoor: true, outcome: "open" }), order({ outcome: "returned" })];
    const factors = riskFactors({ orders: bad, storeMedianTotal: 20_000, address: { shortAddress: null, buildingNumber: null } });
    expect(riskScore(factors)).toEqual({ score: 70, band: "high" });
    expect(riskScore(factors, { ...DEFAULT_RISK_SETTINGS, bands: { medium: 50, high: 80 } }).band).toBe("medium");
    const heavy = { ...DEFAULT_RISK_SETTINGS, weights: { ...DEFAULT_RISK_SETTINGS.weights, refusedAtDoor: 90, returnShare: 90 } };
    expect(riskScore(riskFactors({ orders: bad, storeMedianTotal: null, address: null }, heavy), heavy).score).toBe(100);
  });
  it("takes the median of a store's order totals", () => {
    expect(medianTotal([])).toBeNull();
    expect(medianTotal([300, 100, 200])).toBe(200);
    expect(medianTotal([100, 200, 301, 401])).toBe(251);
  });
});
