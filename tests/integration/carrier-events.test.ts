import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { createHmac } from "node:crypto";
import { carrierAdapters, signCarrierWebhook, simulatorControl, webhookSecret } from "@/server/shipping/carrier-simulator";
import { simulatorControlsEnabled, advanceShipmentInSimulator } from "@/server/shipping/simulate-shipment";
import { markDemoInstallation } from "@/server/installation/installation-settings";
import { purgeWebhookReceipts } from "@/server/http/signed-webhook";
import { issueLabel, issueLabelInput } from "@/server/shipping/issue-label";
import { voidLabel } from "@/server/shipping/void-label";
import { fundWallet } from "../support/wallet";
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
  await fundWallet(store.ctx(), { amount: 10_000, reference: "t" });
  const order = await seedOrder(store, { payment: { method: "cash_on_delivery", status: "pending" } });
  await transitionOrder(store.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
  const label = await issueLabel(
    store.ctx(),
    order.id,
    issueLabelInput.parse({
      branchId: store.branches[0].id,
      carrier: "aramex",
      packages: [{ weightGrams: 500, lengthCm: 10, widthCm: 10, heightCm: 10 }],
      handover: "dropoff",
    }),
    {},
    { adapters },
  );
  return { s: store, order, label };
}

// Signed here, independently of the app's own signer, with the installation's secret as the carrier
// would hold it: a signer and a verifier that agree on a mistake cannot pass this.
const secretOf = async (carrier: "aramex") => {
  await webhookSecret(carrier, {}); // made on first use
  return (await db.installationSetting.findUniqueOrThrow({ where: { key: `secret:carrier-webhook:${carrier}` } })).value;
};
const carrierSignature = async (carrier: "aramex", raw: string, at = Date.now()) => {
  const t = Math.floor(at / 1000);
  return `t=${t},v1=${createHmac("sha256", await secretOf(carrier))
    .update(`${t}.${raw}`)
    .digest("hex")}`;
};
const post = (carrier: string, raw: string, signature: string) =>
  carrierWebhook(
    new Request(`http://localhost/api/webhooks/carriers/${carrier}`, { method: "POST", headers: { "x-carrier-signature": signature }, body: raw }),
    {
      params: Promise.resolve({ carrier }),
    },
  );
// Each delivery of an update is signed anew, as carriers do (a second within the same second would
// otherwise be the very same request: a replay).
let deliveries = 0;
const send = async (carrier: string, body: unknown, signature?: string) => {
  const raw = JSON.stringify(body);
  return post(carrier, raw, signature ?? (await carrierSignature("aramex", raw, Date.now() - 1000 * (deliveries++ % 120))));
};
const statusOf = async (s: SeededStore, orderId: string) =>
  (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: orderId } } })).status;

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
    const events = await db.orderEvent.findMany({
      where: { storeId: s.store.id, orderId: order.id, type: "order.status_changed", actorType: "CARRIER" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => (e.data as { to: string }).to)).toEqual(["out_for_delivery", "delivered"]);
  });

  it("are signed with a secret generated for this installation, never one written in the source; the configured one wins", async () => {
    const generated = await webhookSecret("aramex", {});
    expect(generated).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generated).toBe(await secretOf("aramex"));
    expect(generated).not.toContain("local");
    expect(await webhookSecret("aramex", { CARRIER_WEBHOOK_SECRET_ARAMEX: "from-the-carrier-dashboard" })).toBe("from-the-carrier-dashboard");
    // The app's own simulator signs in the same scheme the test does.
    const raw = JSON.stringify({ trackingNumber: "00000000000", status: "picked_up" });
    expect((await signCarrierWebhook("aramex", raw, 1_700_000_000_000)).split(",v1=")[1]).toBe(
      createHmac("sha256", generated).update(`1700000000.${raw}`).digest("hex"),
    );
  });

  it("a forged, stale or replayed update is refused, and a wrong signature answers the same for known and unknown tracking numbers", async () => {
    const { s, order, label } = await shipped();
    const known = JSON.stringify({ trackingNumber: label.trackingNumber, status: "delivered" });
    const unknown = JSON.stringify({ trackingNumber: "00000000000", status: "delivered" });
    // The secret that used to be written in the source, and no secret at all.
    const oldDefault = (raw: string) =>
      `t=${Math.floor(Date.now() / 1000)},v1=${createHmac("sha256", "local-aramex-webhook-secret").update(raw).digest("hex")}`;
    const answers = await Promise.all([
      post("aramex", known, oldDefault(known)),
      post("aramex", unknown, oldDefault(unknown)),
      post("aramex", known, ""),
      post("aramex", unknown, ""),
    ]);
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(new Set(bodies).size).toBe(1);
    // Signed right, but ten minutes old (or from the future): stale.
    expect((await post("aramex", known, await carrierSignature("aramex", known, Date.now() - 600_000))).status).toBe(401);
    expect((await post("aramex", known, await carrierSignature("aramex", known, Date.now() + 600_000))).status).toBe(401);
    expect(await statusOf(s, order.id)).toBe("SHIPPED");
    // Signed right and fresh: taken once; the very same request again is a replay.
    const signature = await carrierSignature("aramex", JSON.stringify({ trackingNumber: label.trackingNumber, status: "picked_up" }));
    const pickedUp = JSON.stringify({ trackingNumber: label.trackingNumber, status: "picked_up" });
    expect((await post("aramex", pickedUp, signature)).status).toBe(200);
    expect((await post("aramex", pickedUp, signature)).status).toBe(409);
    expect(await db.orderEvent.count({ where: { storeId: s.store.id, orderId: order.id, type: "shipment.updated" } })).toBe(1);
  });

  it("an update that had to wait (its label was being voided) gets through when the carrier sends the same message again; old receipts are purged", async () => {
    const { s, label } = await shipped();
    await db.shipment.update({ where: { storeId_id: { storeId: s.store.id, id: label.id } }, data: { status: "VOIDING" } });
    const raw = JSON.stringify({ trackingNumber: label.trackingNumber, status: "picked_up" });
    const signature = await carrierSignature("aramex", raw);
    expect((await post("aramex", raw, signature)).status).toBe(409);
    await db.shipment.update({ where: { storeId_id: { storeId: s.store.id, id: label.id } }, data: { status: "CREATED" } });
    expect((await post("aramex", raw, signature)).status).toBe(200);
    await db.webhookReceipt.create({ data: { source: "carrier:aramex", digest: "old", receivedAt: new Date(Date.now() - 3_600_000) } });
    expect(await purgeWebhookReceipts()).toBeGreaterThanOrEqual(1);
    expect(await db.webhookReceipt.count({ where: { digest: "old" } })).toBe(0);
    expect(await db.webhookReceipt.count()).toBeGreaterThanOrEqual(1);
  });

  it("never move an order back, nor one staff moved past them: a late 'out for delivery' or 'returned' after staff marked it delivered changes nothing", async () => {
    const { s, order, label } = await shipped();
    await transitionOrder(s.ctx(), order.id, { to: "delivered", notifyCustomer: false });
    await send("aramex", { trackingNumber: label.trackingNumber, status: "out_for_delivery" });
    expect(await statusOf(s, order.id)).toBe("DELIVERED");
    await send("aramex", { trackingNumber: label.trackingNumber, status: "returned_to_sender" });
    expect(await statusOf(s, order.id)).toBe("DELIVERED");
    // The shipment itself follows its carrier's ladder forward only.
    expect((await db.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: label.id } } })).status).toBe("RETURNED");
    expect((await send("aramex", { trackingNumber: label.trackingNumber, status: "picked_up" }).then((r) => r.json())).data.result).toBe("duplicate");
  });

  it("the simulator's controls exist only on a demo installation", async () => {
    const { s, label } = await shipped();
    expect(await simulatorControlsEnabled({})).toBe(false);
    await expect(advanceShipmentInSimulator(s.ctx(), label.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await simulatorControlsEnabled({ CARRIER_SIMULATOR_CONTROLS: "on" })).toBe(true);
    await markDemoInstallation();
    expect(await simulatorControlsEnabled({})).toBe(true);
    expect(await simulatorControlsEnabled({ CARRIER_SIMULATOR_CONTROLS: "off" })).toBe(false);
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
    const stock = await db.stockLevel.findUniqueOrThrow({
      where: { storeId_variantId_branchId: { storeId: s.store.id, variantId: s.variants["SKU-A"], branchId: s.branches[0].id } },
    });
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
    await expect(voidLabel(s.ctx(), label.id, { adapters })).rejects.toMatchObject({
      code: "VOID_NOT_ALLOWED",
      message: expect.stringContaining("already has the parcel"),
      details: { reason: "carrier_has_parcel" },
    });
    expect(await statusOf(s, order.id)).toBe("SHIPPED");
    expect((await db.wallet.findUniqueOrThrow({ where: { storeId: s.store.id } })).balance).toBe(10_000 - label.cost);
  });

  it("another store's label is not found", async () => {
    const { label } = await shipped();
    const outsider = await seedStore();
    await expect(voidLabel(outsider.ctx(), label.id, { adapters })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
