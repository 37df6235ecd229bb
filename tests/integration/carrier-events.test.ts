import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { carrierAdapters, signCarrierWebhook, simulatorControl } from "@/server/shipping/carrier-simulator";
import { issueLabel, issueLabelInput } from "@/server/shipping/issue-label";
import { voidLabel } from "@/server/shipping/void-label";
import { topUpWallet } from "@/server/wallet/wallet";
import { transitionOrder } from "@/server/orders/transition-order";
import { POST as carrierWebhook } from "@/app/api/webhooks/carriers/[carrier]/route";
import { seedOrder, seedStore, type SeededStore } from "../support/factories";

const adapters = carrierAdapters();
beforeEach(() => {
  simulatorControl.latencyMs = 0;
  simulatorControl.failures.clear();
});

async function shipped(s?: SeededStore) {
  const store = s ?? (await seedStore());
  await saveCarrierAccount(store.ctx(), { carrier: "aramex", enabled: true });
  await topUpWallet(store.ctx(), { amount: 10_000, reference: "t" });
  const order = await seedOrder(store, { payment: { method: "cash_on_delivery", status: "pending" } });
  await transitionOrder(store.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
  const label = await issueLabel(
    store.ctx(),
    order.id,
    issueLabelInput.parse({ branchId: store.branches[0].id, carrier: "aramex", packages: [{ weightGrams: 500, lengthCm: 10, widthCm: 10, heightCm: 10 }], handover: "dropoff" }),
    {},
    { adapters },
  );
  return { s: store, order, label };
}

const send = (carrier: string, body: unknown, signature?: string) => {
  const raw = JSON.stringify(body);
  return carrierWebhook(new Request(`http://localhost/api/webhooks/carriers/${carrier}`, { method: "POST", headers: { "x-carrier-signature": signature ?? signCarrierWebhook("aramex", raw) }, body: raw }), {
    params: Promise.resolve({ carrier }),
  });
};
const statusOf = async (s: SeededStore, orderId: string) => (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: orderId } } })).status;

describe("carrier status webhooks", () => {
  it("move the order with the carrier as actor; duplicates and late events change nothing", async () => {
    const { s, order, label } = await shipped();
    const tn = label.trackingNumber!;
    expect((await send("aramex", { trackingNumber: tn, status: "picked_up" })).status).toBe(200);
    expect((await send("aramex", { trackingNumber: tn, status: "out_for_delivery" })).status).toBe(200);
    expect(await statusOf(s, order.id)).toBe("OUT_FOR_DELIVERY");
    expect((await send("aramex", { trackingNumber: tn, status: "delivered" })).status).toBe(200);
    const late = await send("aramex", { trackingNumber: tn, status: "out_for_delivery" });
    expect(await late.json()).toEqual({ data: { result: "duplicate" } });
    expect(await send("aramex", { trackingNumber: tn, status: "delivered" }).then((r) => r.json())).toEqual({ data: { result: "duplicate" } });
    const row = await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } });
    expect([row.status, row.paymentStatus, row.deliveredAt !== null]).toEqual(["DELIVERED", "PAID", true]);
    const events = await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId: order.id, type: "order.status_changed", actorType: "CARRIER" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => (e.data as { to: string }).to)).toEqual(["out_for_delivery", "delivered"]);
  });

  it("forged → 401, unknown tracking → 404, unknown carrier → 404, bad body → 422", async () => {
    const { s, order, label } = await shipped();
    expect((await send("aramex", { trackingNumber: label.trackingNumber, status: "delivered" }, "0".repeat(64))).status).toBe(401);
    expect((await send("aramex", { trackingNumber: label.trackingNumber, status: "delivered" }, "not-hex")).status).toBe(401);
    expect((await send("aramex", { trackingNumber: "00000000000", status: "delivered" })).status).toBe(404);
    expect((await send("fedex", { trackingNumber: label.trackingNumber, status: "delivered" })).status).toBe(404);
    expect((await send("aramex", { trackingNumber: label.trackingNumber, status: "teleported" })).status).toBe(422);
    expect(await statusOf(s, order.id)).toBe("SHIPPED");
  });

  it("a store that does not let carriers update status keeps its order status; the shipment still moves", async () => {
    const s = await seedStore();
    await db.store.update({ where: { id: s.store.id }, data: { carriersUpdateStatus: false } });
    const { order, label } = await shipped(s);
    await send("aramex", { trackingNumber: label.trackingNumber, status: "delivered" });
    expect(await statusOf(s, order.id)).toBe("SHIPPED");
    expect((await db.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: label.id } } })).status).toBe("DELIVERED");
  });

  it("returned to sender → the order is returned and its stock comes back", async () => {
    const { s, order, label } = await shipped();
    await send("aramex", { trackingNumber: label.trackingNumber, status: "picked_up" });
    await send("aramex", { trackingNumber: label.trackingNumber, status: "returned_to_sender" });
    expect(await statusOf(s, order.id)).toBe("RETURNED");
    const stock = await db.stockLevel.findUniqueOrThrow({ where: { storeId_variantId_branchId: { storeId: s.store.id, variantId: s.variants["SKU-A"], branchId: s.branches[0].id } } });
    expect(stock.quantity).toBe(10);
  });
});

describe("voiding a label", () => {
  it("before hand-over: the carrier cancels, the wallet is refunded, the order is back in progress", async () => {
    const { s, order, label } = await shipped();
    await voidLabel(s.ctx(), label.id, { adapters });
    const wallet = await db.wallet.findUniqueOrThrow({ where: { storeId: s.store.id } });
    expect(wallet.balance).toBe(10_000);
    expect(await statusOf(s, order.id)).toBe("IN_PROGRESS");
    expect((await db.carrierSimShipment.findFirstOrThrow({ where: { trackingNumber: label.trackingNumber! } })).status).toBe("canceled");
    await expect(voidLabel(s.ctx(), label.id, { adapters })).rejects.toMatchObject({ code: "VOID_NOT_ALLOWED", details: { reason: "already_voided" } });
  });

  it("after pickup it is refused with the reason, and nothing moves", async () => {
    const { s, order, label } = await shipped();
    await send("aramex", { trackingNumber: label.trackingNumber, status: "picked_up" });
    await expect(voidLabel(s.ctx(), label.id, { adapters })).rejects.toMatchObject({ code: "VOID_NOT_ALLOWED", message: expect.stringContaining("already has the parcel"), details: { reason: "carrier_has_parcel" } });
    expect(await statusOf(s, order.id)).toBe("SHIPPED");
    expect((await db.wallet.findUniqueOrThrow({ where: { storeId: s.store.id } })).balance).toBe(10_000 - label.cost);
  });

  it("another store's label is not found", async () => {
    const { label } = await shipped();
    const outsider = await seedStore();
    await expect(voidLabel(outsider.ctx(), label.id, { adapters })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
