// Random and hostile payloads at every API endpoint that takes a body: wrong types, huge strings,
// negative and huge numbers, unicode, SQL and HTML fragments, missing and extra fields. Never a 5xx;
// always the one error shape (with the fields named when it is the input's fault); nothing written.
import fc from "fast-check";
import { hostileValue, near } from "../support/hostile";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { fundWallet } from "../support/wallet";
import { transitionOrder } from "@/server/orders/transition-order";
import { seedOrder, seedStore, type SeededStore } from "../support/factories";

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

let s: SeededStore;
let orderId: string;
let customerId: string;
beforeAll(async () => {
  s = await seedStore();
  await saveCarrierAccount(s.ctx(), { carrier: "aramex", enabled: true });
  await fundWallet(s.ctx(), { amount: 10_000, reference: "t" });
  const order = await seedOrder(s);
  await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
  orderId = order.id;
  customerId = (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).customerId;
});

const ENDPOINTS: { name: string; load: () => Promise<{ POST: Handler }>; params: () => Record<string, string>; shape: () => Record<string, unknown> }[] = [
  { name: "POST /orders", load: () => import("@/app/api/v1/orders/route"), params: () => ({}), shape: () => ({ customer: { name: "A", phone: "0501234567" }, items: [{ sku: "SKU-1", quantity: 1 }], payment: { method: "mada" }, shipping: { city: "x", address: "y", method: "z", fee: 0 } }) },
  { name: "POST /orders/{id}/transitions", load: () => import("@/app/api/v1/orders/[orderId]/transitions/route"), params: () => ({ orderId }), shape: () => ({ to: "shipped", customerNote: "x", notifyCustomer: true }) },
  { name: "POST /orders/{id}/comments", load: () => import("@/app/api/v1/orders/[orderId]/comments/route"), params: () => ({ orderId }), shape: () => ({ body: "x" }) },
  { name: "POST /orders/{id}/tags", load: () => import("@/app/api/v1/orders/[orderId]/tags/route"), params: () => ({ orderId }), shape: () => ({ tags: ["x"] }) },
  { name: "POST /orders/{id}/assignee", load: () => import("@/app/api/v1/orders/[orderId]/assignee/route"), params: () => ({ orderId }), shape: () => ({ userId: null }) },
  { name: "POST /orders/{id}/shipments", load: () => import("@/app/api/v1/orders/[orderId]/shipments/route"), params: () => ({ orderId }), shape: () => ({ branchId: s.branches[0].id, carrier: "aramex", packages: [{ weightGrams: 1, lengthCm: 1, widthCm: 1, heightCm: 1 }], handover: "dropoff" }) },
  { name: "POST /customers/{id}/block", load: () => import("@/app/api/v1/customers/[customerId]/block/route"), params: () => ({ customerId }), shape: () => ({ reason: "xyz" }) },
  { name: "POST /rates", load: () => import("@/app/api/v1/rates/route"), params: () => ({}), shape: () => ({ packages: [{ weightGrams: 1, lengthCm: 1, widthCm: 1, heightCm: 1 }] }) },
  { name: "POST /wallet/top-ups", load: () => import("@/app/api/v1/wallet/top-ups/route"), params: () => ({}), shape: () => ({ amount: 100, reference: "x" }) },
  { name: "POST /discounts/redeem", load: () => import("@/app/api/v1/discounts/redeem/route"), params: () => ({}), shape: () => ({ code: "THX-22222222", orderTotal: 1, customerPhone: "0501234567" }) },
];

/** What an accepted write would change: counts and the wallet. */
async function written() {
  const id = s.store.id;
  const [orders, events, shipments, entries, comments, tags, refusals, wallet] = await Promise.all([
    db.order.count({ where: { storeId: id } }),
    db.orderEvent.count({ where: { storeId: id } }),
    db.shipment.count({ where: { storeId: id } }),
    db.walletEntry.count({ where: { storeId: id } }),
    db.orderComment.count({ where: { storeId: id } }),
    db.orderTag.count({ where: { storeId: id } }),
    db.intakeRefusal.count({ where: { storeId: id } }),
    db.wallet.findUniqueOrThrow({ where: { storeId: id } }),
  ]);
  return { orders, events, shipments, entries, comments, tags, refusals, balance: wallet.balance };
}

describe("hostile input", () => {
  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.name}: never a 5xx, always the error shape, nothing written`, async () => {
      const { POST } = await endpoint.load();
      await fc.assert(
        fc.asyncProperty(fc.oneof(near(endpoint.shape()), hostileValue), fc.boolean(), async (payload, raw) => {
          const before = await written();
          const body = raw && typeof payload === "string" ? payload : JSON.stringify(payload);
          const response = await POST(
            new Request("http://localhost/api", { method: "POST", headers: { authorization: `Bearer ${s.tokens.OWNER}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() }, body }),
            { params: Promise.resolve(endpoint.params()) },
          );
          expect(response.status).toBeLessThan(500);
          const json = await response.json();
          if (response.status >= 400) {
            expect(Object.keys(json)).toEqual(["error"]);
            expect(typeof json.error.code).toBe("string");
            expect(typeof json.error.message).toBe("string");
            if (json.error.code === "VALIDATION_FAILED" || json.error.code === "MALFORMED_REQUEST") expect(Object.keys(json.error.fields ?? {}).length).toBeGreaterThan(0);
            expect(await written()).toEqual(before);
          }
        }),
        { numRuns: 40, seed: 20261126 },
      );
    });
  }
});
