// Labels under concurrency and out-of-order events: one live label per order decided by the database,
// a label whose order moved on voided and refunded, voids decided in Tajer before the carrier is asked.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { carrierAdapters, simulatorControl } from "@/server/shipping/carrier-simulator";
import { applyCarrierEvent } from "@/server/shipping/carrier-events";
import { issueLabel, reconcileLabels } from "@/server/shipping/issue-label";
import { voidLabel } from "@/server/shipping/void-label";
import { transitionOrder } from "@/server/orders/transition-order";
import { type SeededStore } from "../support/factories";
import { labelInput, packedOrder, shippableStore } from "../support/labels";

const adapters = carrierAdapters();

beforeEach(() => {
  simulatorControl.latencyMs = 0;
  simulatorControl.failureRate = 0;
  simulatorControl.failures.clear();
  simulatorControl.down.clear();
});

const input = (s: SeededStore) => labelInput(s);
const statusOf = async (s: SeededStore, orderId: string) =>
  (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: orderId } } })).status;

/** Ledger = balance, and every label debit has a live label or a refund. */
async function books(storeId: string) {
  const wallet = await db.wallet.findUniqueOrThrow({ where: { storeId } });
  const entries = await db.walletEntry.findMany({ where: { storeId } });
  const shipments = await db.shipment.findMany({ where: { storeId, kind: "CARRIER" } });
  const refunded = new Set(entries.filter((e) => e.kind === "REFUND").map((e) => e.shipmentId));
  const orphanDebits = entries
    .filter((e) => e.kind === "LABEL")
    .filter((e) => {
      const s = shipments.find((x) => x.id === e.shipmentId);
      return !s || (["FAILED", "VOIDED"].includes(s.status) ? !refunded.has(s.id) : refunded.has(s.id));
    });
  return {
    balanced: wallet.balance === entries.reduce((sum, e) => sum + e.amount, 0),
    orphanDebits: orphanDebits.length,
    debits: entries.filter((e) => e.kind === "LABEL").length,
    refunds: refunded.size,
    live: shipments.filter((s) => !["FAILED", "VOIDED"].includes(s.status)).length,
    balance: wallet.balance,
  };
}

describe("one live label per order", () => {
  it("twelve requests with distinct keys for one order at once: one debit, one carrier call, eleven 409s before any charge", async () => {
    const s = await shippableStore();
    const order = await packedOrder(s);
    simulatorControl.latencyMs = 30;
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => issueLabel(s.ctx(), order.id, input(s), { idempotencyKey: `tab-${i}` }, { adapters })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.reason.code).sort()).toEqual(Array(11).fill(expect.stringMatching(/^(LABEL_IN_PROGRESS|ORDER_INVALID_TRANSITION)$/)));
    expect(await books(s.store.id)).toMatchObject({ balanced: true, orphanDebits: 0, debits: 1, refunds: 0, live: 1 });
    const ids = (await db.shipment.findMany({ where: { storeId: s.store.id }, select: { id: true } })).map((x) => x.id);
    expect(await db.carrierSimShipment.count({ where: { reference: { in: ids } } })).toBe(1);
    expect(await statusOf(s, order.id)).toBe("SHIPPED");
  });

  it("the database holds it even for a writer that skips the order's lock (partial unique index)", async () => {
    const s = await shippableStore();
    const order = await packedOrder(s);
    const row = {
      storeId: s.store.id,
      orderId: order.id,
      kind: "CARRIER" as const,
      carrier: "aramex",
      courierName: "Aramex",
      destinationCity: "riyadh",
      status: "PENDING" as const,
    };
    await db.shipment.create({ data: row });
    await expect(db.shipment.create({ data: row })).rejects.toMatchObject({ code: "P2002" });
    // Settled labels do not count: a failed one leaves room for a new one.
    await db.shipment.updateMany({ where: { storeId: s.store.id, orderId: order.id }, data: { status: "FAILED" } });
    await expect(db.shipment.create({ data: row })).resolves.toMatchObject({ status: "PENDING" });
  });

  it("a label whose carrier answers after the order was canceled is voided at the carrier and refunded, not left pending", async () => {
    const s = await shippableStore();
    const order = await packedOrder(s);
    simulatorControl.latencyMs = 300;
    const pending = await issueLabel(s.ctx(), order.id, input(s), { idempotencyKey: "slow" }, { adapters, answerWithinMs: 20 });
    expect(pending.status).toBe("pending");
    await transitionOrder(s.ctx(), order.id, { to: "canceled", notifyCustomer: false });
    await vi.waitFor(
      async () => expect((await db.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: pending.id } } })).status).toBe("VOIDED"),
      { timeout: 5_000, interval: 50 },
    );
    const shipment = await db.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: pending.id } } });
    expect(shipment.voidReason).toBe("order_moved_on");
    expect((await db.carrierSimShipment.findFirstOrThrow({ where: { reference: pending.id } })).status).toBe("canceled");
    expect(await books(s.store.id)).toMatchObject({ balanced: true, orphanDebits: 0, debits: 1, refunds: 1, live: 0, balance: 100_000 });
    expect(await statusOf(s, order.id)).toBe("CANCELED");
  });

  it("reconciliation voids and refunds a pending label whose order moved on while the process was down", async () => {
    const s = await shippableStore();
    const order = await packedOrder(s);
    const crash = { ...adapters, aramex: { ...adapters.aramex, createShipment: async () => Promise.reject(new Error("process killed")) } };
    await expect(issueLabel(s.ctx(), order.id, input(s), {}, { adapters: crash })).rejects.toThrow("process killed");
    const pending = await db.shipment.findFirstOrThrow({ where: { storeId: s.store.id, status: "PENDING" } });
    // The carrier did get it before the crash; meanwhile staff canceled the order.
    await adapters.aramex.createShipment({
      reference: pending.id,
      accountNumber: null,
      from: {} as never,
      to: {} as never,
      packages: [],
      codAmount: 0,
      currency: "SAR",
      handover: "dropoff",
    });
    await transitionOrder(s.ctx(), order.id, { to: "canceled", notifyCustomer: false });
    const settled = await reconcileLabels({ adapters }, { olderThanMs: 0 });
    expect(settled).toMatchObject({ completed: 0, voided: 1 });
    expect(await books(s.store.id)).toMatchObject({ balanced: true, orphanDebits: 0, refunds: 1, live: 0 });
    expect((await db.carrierSimShipment.findFirstOrThrow({ where: { reference: pending.id } })).status).toBe("canceled");
  });
});

describe("voiding is decided in Tajer first", () => {
  async function shippedWithLabel(options: { notify?: boolean } = {}) {
    const s = await shippableStore();
    if (options.notify === false) await db.store.update({ where: { id: s.store.id }, data: { smsMode: "OFF" } });
    const order = await packedOrder(s);
    const label = await issueLabel(s.ctx(), order.id, input(s), {}, { adapters });
    return { s, order, label };
  }

  for (const to of ["delivered", "out_for_delivery", "returned"] as const) {
    it(`after the order was marked ${to.replace(/_/g, " ")}, a void is refused before the carrier is asked: the parcel stays, nothing is refunded`, async () => {
      const { s, order, label } = await shippedWithLabel();
      await transitionOrder(s.ctx(), order.id, { to, notifyCustomer: false });
      await expect(voidLabel(s.ctx(), label.id, { adapters })).rejects.toMatchObject({ code: "VOID_NOT_ALLOWED", details: { reason: "order_moved_on" } });
      expect((await db.carrierSimShipment.findFirstOrThrow({ where: { reference: label.id } })).status).toBe("created");
      expect(await books(s.store.id)).toMatchObject({ balanced: true, orphanDebits: 0, refunds: 0, live: 1 });
      expect(await statusOf(s, order.id)).toBe(to.toUpperCase());
    });
  }

  it("a carrier that cannot be reached leaves the void pending: the order cannot move meanwhile, carrier updates wait, and reconciliation finishes it", async () => {
    const { s, order, label } = await shippedWithLabel();
    simulatorControl.down.add("aramex");
    const voiding = await voidLabel(s.ctx(), label.id, { adapters });
    expect(voiding.status).toBe("voiding");
    await expect(transitionOrder(s.ctx(), order.id, { to: "delivered", notifyCustomer: false })).rejects.toMatchObject({ code: "LABEL_IN_PROGRESS" });
    expect(await applyCarrierEvent("aramex", { trackingNumber: label.trackingNumber!, status: "out_for_delivery" })).toBe("deferred");
    await expect(issueLabel(s.ctx(), order.id, input(s), {}, { adapters })).rejects.toMatchObject({
      code: "LABEL_IN_PROGRESS",
      details: { reason: "label_voiding" },
    });
    expect((await reconcileLabels({ adapters }, { olderThanMs: 0 })).waiting).toBeGreaterThanOrEqual(1);
    simulatorControl.down.delete("aramex");
    expect((await reconcileLabels({ adapters }, { olderThanMs: 0 })).voided).toBeGreaterThanOrEqual(1);
    expect(await statusOf(s, order.id)).toBe("IN_PROGRESS");
    expect(await books(s.store.id)).toMatchObject({ balanced: true, orphanDebits: 0, refunds: 1, live: 0, balance: 100_000 });
  });

  it("a carrier that already has the parcel (its update not yet arrived) refuses: the label stands as it was and nothing is refunded", async () => {
    const { s, order, label } = await shippedWithLabel();
    await db.carrierSimShipment.update({ where: { trackingNumber: label.trackingNumber! }, data: { status: "picked_up" } });
    await expect(voidLabel(s.ctx(), label.id, { adapters })).rejects.toMatchObject({ code: "VOID_NOT_ALLOWED", details: { reason: "carrier_has_parcel" } });
    expect((await db.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: label.id } } })).status).toBe("CREATED");
    expect(await statusOf(s, order.id)).toBe("SHIPPED");
    expect(await books(s.store.id)).toMatchObject({ balanced: true, refunds: 0, live: 1 });
    expect(await db.orderEvent.count({ where: { storeId: s.store.id, orderId: order.id, type: "label.void_refused" } })).toBe(1);
  });

  it("voids racing each other and a move to delivered: exactly one wins, and the books hold", async () => {
    const { s, order, label } = await shippedWithLabel();
    simulatorControl.latencyMs = 20;
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => voidLabel(s.ctx(), label.id, { adapters })),
      transitionOrder(s.ctx(), order.id, { to: "delivered", notifyCustomer: false }),
    ]);
    const wins = results.filter((r) => r.status === "fulfilled");
    expect(wins).toHaveLength(1);
    const status = await statusOf(s, order.id);
    const b = await books(s.store.id);
    expect(b).toMatchObject({ balanced: true, orphanDebits: 0 });
    if (status === "DELIVERED") expect(b).toMatchObject({ refunds: 0, live: 1 });
    else expect([status, b.refunds, b.live]).toEqual(["IN_PROGRESS", 1, 0]);
  });

  it("the customer who was sent the tracking link is told the shipment was cancelled; one who was not, is not", async () => {
    const told = await shippedWithLabel();
    await voidLabel(told.s.ctx(), told.label.id, { adapters });
    const sms = await db.smsMessage.findMany({ where: { storeId: told.s.store.id, orderId: told.order.id }, orderBy: { createdAt: "asc" } });
    expect(sms.map((m) => m.event)).toEqual(["order.label_issued", "order.label_voided"]);
    expect(sms[1].body).toContain("أُلغيت شحنة طلبك");

    const silent = await shippedWithLabel({ notify: false });
    await voidLabel(silent.s.ctx(), silent.label.id, { adapters });
    expect(await db.smsMessage.count({ where: { storeId: silent.s.store.id, orderId: silent.order.id } })).toBe(0);
  });
});

describe("the upgrade that adds the one-live-label index", () => {
  it("closes and refunds the extra labels an earlier race left, so the books balance and the index holds", async () => {
    const s = await shippableStore();
    const order = await packedOrder(s);
    const label = await issueLabel(s.ctx(), order.id, input(s), {}, { adapters });
    const migration = readdirSync("prisma/migrations").find((d) => d.endsWith("one_live_label_and_voiding"))!;
    const sql = readFileSync(path.join("prisma/migrations", migration, "migration.sql"), "utf8");
    const repair = sql.match(/DO \$\$[\s\S]*?END \$\$;/)![0];
    const index = sql.match(/CREATE UNIQUE INDEX "shipments_one_live_label"[^;]*;/)![0];
    // What the race left behind: two more debited labels for the same order, never settled.
    await db.$executeRawUnsafe(`DROP INDEX "shipments_one_live_label"`);
    try {
      for (const n of [1, 2]) {
        const extra = await db.shipment.create({
          data: {
            storeId: s.store.id,
            orderId: order.id,
            kind: "CARRIER",
            carrier: "aramex",
            courierName: "Aramex",
            destinationCity: "riyadh",
            status: "PENDING",
            cost: 2250,
          },
        });
        await db.$transaction((tx) =>
          import("@/server/wallet/ledger").then((l) =>
            l.debitWallet(tx, s.store.id, 2250, { kind: "LABEL", orderId: order.id, shipmentId: extra.id, reference: `race ${n}` }),
          ),
        );
      }
      expect(await books(s.store.id)).toMatchObject({ balanced: true, orphanDebits: 0, live: 3 });
      await db.$executeRawUnsafe(repair);
    } finally {
      await db.$executeRawUnsafe(index);
    }
    expect(await books(s.store.id)).toMatchObject({ balanced: true, orphanDebits: 0, live: 1, refunds: 2, balance: 100_000 - label.cost });
    expect((await db.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: label.id } } })).status).toBe("CREATED");
  });
});
