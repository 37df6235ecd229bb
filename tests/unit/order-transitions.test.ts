import { describe, expect, it } from "vitest";
import { ORDER_STATUSES, type OrderStatus } from "@/server/orders/order-status";
import { availableActions, isAllowedByTable, refuseTransition, stockEffect, TRANSITIONS } from "@/server/orders/order-transitions";

const allowed: [OrderStatus, OrderStatus][] = [
  ["received", "in_progress"],
  ["received", "canceled"],
  ["in_progress", "shipped"],
  ["in_progress", "canceled"],
  ["shipped", "out_for_delivery"],
  ["shipped", "delivered"],
  ["shipped", "returned"],
  ["shipped", "in_progress"],
  ["out_for_delivery", "delivered"],
  ["out_for_delivery", "returned"],
  ["delivered", "returned"],
  ["delivered", "refunded"],
  ["canceled", "refunded"],
  ["returned", "refunded"],
];
const key = (a: string, b: string) => `${a}→${b}`;
const allowedSet = new Set(allowed.map(([a, b]) => key(a, b)));
const everyPair = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus]));

describe("the transition table", () => {
  it.each(everyPair)("%s → %s", (from, to) => {
    const expected = allowedSet.has(key(from, to));
    expect(isAllowedByTable(from, to)).toBe(expected);
    const refusal = refuseTransition({ from, to, refundable: 1000, via: "void_label", hasShipment: true });
    expect(refusal === null).toBe(expected);
    if (!expected) expect(refusal).toEqual({ code: "ORDER_INVALID_TRANSITION", reason: "not_allowed" });
  });

  it("refunded is final", () => expect(TRANSITIONS.refunded).toEqual([]));
});

describe("guards", () => {
  const base = { refundable: 5000, via: "action" as const, hasShipment: true };
  it("shipped → in_progress only by voiding the label", () => {
    expect(refuseTransition({ ...base, from: "shipped", to: "in_progress" })).toEqual({ code: "ORDER_INVALID_TRANSITION", reason: "only_by_voiding_label" });
    expect(refuseTransition({ ...base, from: "shipped", to: "in_progress", via: "void_label" })).toBeNull();
  });
  it("shipping needs a shipment", () => {
    expect(refuseTransition({ ...base, from: "in_progress", to: "shipped", hasShipment: false })).toEqual({ code: "SHIPMENT_REQUIRED" });
  });
  it("a refund needs something paid, and never more than was paid", () => {
    expect(refuseTransition({ ...base, from: "canceled", to: "refunded", refundable: 0 })).toEqual({
      code: "ORDER_INVALID_TRANSITION",
      reason: "nothing_paid",
    });
    expect(refuseTransition({ ...base, from: "returned", to: "refunded", refundAmount: 5001 })).toEqual({ code: "REFUND_EXCEEDS_PAID", refundable: 5000 });
    expect(refuseTransition({ ...base, from: "returned", to: "refunded", refundAmount: 0 })).toEqual({ code: "REFUND_AMOUNT_INVALID" });
    expect(refuseTransition({ ...base, from: "returned", to: "refunded", refundAmount: 5000 })).toBeNull();
    expect(refuseTransition({ ...base, from: "delivered", to: "refunded", refundAmount: 1200 })).toBeNull();
  });
});

describe("availableActions", () => {
  it("offers what the table allows, less label voids and refunds of unpaid orders", () => {
    expect(availableActions("received", 0)).toEqual(["in_progress", "canceled"]);
    // Held for review: only canceling, until a person releases it.
    expect(availableActions("received", 0, true)).toEqual(["canceled"]);
    expect(refuseTransition({ from: "received", to: "in_progress", refundable: 0, via: "action", hasShipment: true, held: true })).toEqual({
      code: "ORDER_HELD",
    });
    expect(refuseTransition({ from: "received", to: "canceled", refundable: 0, via: "action", hasShipment: true, held: true })).toBeNull();
    expect(availableActions("shipped", 0)).toEqual(["out_for_delivery", "delivered", "returned"]);
    expect(availableActions("canceled", 0)).toEqual([]);
    expect(availableActions("canceled", 100)).toEqual(["refunded"]);
    expect(availableActions("refunded", 100)).toEqual([]);
  });
});

describe("stockEffect", () => {
  it.each([
    ["received", "in_progress", false, "take"],
    ["shipped", "in_progress", true, null],
    ["received", "canceled", false, null],
    ["in_progress", "canceled", true, "restore"],
    ["delivered", "returned", true, "restore"],
    ["returned", "refunded", false, null],
  ] as const)("%s → %s (stock taken: %s) → %s", (from, to, taken, effect) => expect(stockEffect(from, to, taken)).toBe(effect));
});
