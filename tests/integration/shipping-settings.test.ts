import { describe, expect, it } from "vitest";
import { saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { seedOrder, seedStore } from "../support/factories";
import * as carriersRoute from "@/app/api/v1/carriers/route";
import * as branchesRoute from "@/app/api/v1/branches/route";
import * as ratesRoute from "@/app/api/v1/rates/route";

const call = async (handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>, token: string, body?: unknown) => {
  const res = await handler(
    new Request("http://localhost/api", {
      method: body ? "POST" : "GET",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    }),
    { params: Promise.resolve({}) },
  );
  return { status: res.status, body: await res.json() };
};

describe("carriers, branches and rates", () => {
  it("GET /carriers lists the integrated carriers with their capabilities and the store's couriers", async () => {
    const s = await seedStore();
    await saveCarrierAccount(s.ctx(), { carrier: "smsa", enabled: true, accountNumber: "SMSA-1" });
    const { body } = await call(carriersRoute.GET, s.tokens.STAFF);
    expect(body.data.map((c: { id: string; enabled: boolean }) => [c.id, c.enabled])).toEqual([
      ["aramex", false],
      ["smsa", true],
      ["spl", false],
      ["dhl", false],
      ["aymakan", false],
    ]);
    expect(body.data[1].capabilities).toEqual({ pickup: false, dropoff: true, tracking: true, labels: true });
  });

  it("POST /rates quotes every enabled carrier: what the label costs the wallet (the platform's price, cheapest first and marked) and what the store charges its customer; COD adds its fee", async () => {
    const s = await seedStore();
    await saveCarrierAccount(s.ctx(), { carrier: "aramex", enabled: true });
    await saveCarrierAccount(s.ctx(), {
      carrier: "aymakan",
      enabled: true,
      rates: { firstKg: 1000, perAdditionalKg: 200, codFee: 300, volumetricDivisor: 5000, weightStepGrams: 500 },
    });
    const packages = [{ weightGrams: 800, lengthCm: 30, widthCm: 20, heightCm: 10 }];
    const prepaid = await call(ratesRoute.POST, s.tokens.STAFF, { packages });
    // AyMakan on the platform's contract: 17.00 + 2.50 × 0.5 kg; the store's own card (10.00 + 2.00 × 0.5) only prices its customer.
    expect(prepaid.body.data).toEqual([
      {
        carrier: "aymakan",
        volumetricWeightGrams: 1200,
        chargeableWeightGrams: 1500,
        price: 1825,
        billing: "platform",
        customerPrice: 1100,
        currency: "SAR",
        cheapest: true,
      },
      {
        carrier: "aramex",
        volumetricWeightGrams: 1200,
        chargeableWeightGrams: 1500,
        price: 2250,
        billing: "platform",
        customerPrice: 2250,
        currency: "SAR",
        cheapest: false,
      },
    ]);
    const cod = await seedOrder(s, { payment: { method: "cash_on_delivery", status: "pending" } });
    const withCod = await call(ratesRoute.POST, s.tokens.STAFF, { packages, orderId: cod.id });
    expect(withCod.body.data.map((r: { price: number; customerPrice: number }) => [r.price, r.customerPrice])).toEqual([
      [2275, 1400],
      [2750, 2750],
    ]);
  });

  it("rejects impossible packages by field, and another store's order is not found", async () => {
    const s = await seedStore();
    const other = await seedStore();
    const bad = await call(ratesRoute.POST, s.tokens.STAFF, { packages: [{ weightGrams: 0, lengthCm: -1, widthCm: 10.55, heightCm: 10 }] });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["packages.0.lengthCm", "packages.0.weightGrams", "packages.0.widthCm"]);
    const order = await seedOrder(other);
    expect(
      (await call(ratesRoute.POST, s.tokens.STAFF, { packages: [{ weightGrams: 100, lengthCm: 10, widthCm: 10, heightCm: 10 }], orderId: order.id })).status,
    ).toBe(404);
    const branches = await call(branchesRoute.GET, s.tokens.STAFF);
    expect(branches.body.data.map((b: { name: string }) => b.name)).toEqual(["Riyadh", "Dammam", "Jeddah"]);
  });
});
