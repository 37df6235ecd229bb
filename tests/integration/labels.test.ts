import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { carrierAdapters, simulatorControl } from "@/server/shipping/carrier-simulator";
import { issueLabel, reconcileLabels } from "@/server/shipping/issue-label";
import { voidLabel } from "@/server/shipping/void-label";
import { seedOrder } from "../support/factories";
import { labelInput, packedOrder, shippableStore as shippable } from "../support/labels";

const adapters = carrierAdapters();

beforeEach(() => {
  simulatorControl.latencyMs = 0;
  simulatorControl.failureRate = 0;
  simulatorControl.failures.clear();
});

const shippableStore = (balance: number) => shippable({ balance, carriers: ["aramex", "smsa"] });
const input = labelInput;
const books = async (storeId: string) => {
  const wallet = await db.wallet.findUniqueOrThrow({ where: { storeId } });
  const sum = (await db.walletEntry.aggregate({ where: { storeId }, _sum: { amount: true } }))._sum.amount ?? 0;
  const labels = await db.shipment.count({ where: { storeId, status: { in: ["CREATED"] } } });
  const debits = await db.walletEntry.count({ where: { storeId, kind: "LABEL" } });
  const refunds = await db.walletEntry.count({ where: { storeId, kind: "REFUND" } });
  return { balance: wallet.balance, sum, labels, debits, refunds };
};

describe("issuing shipping labels", () => {
  it("debits the wallet, gets a tracking number in the carrier's format, ships the order and queues the SMS with the customer's order page (which links the carrier)", async () => {
    const s = await shippableStore(10_000);
    const order = await packedOrder(s);
    const label = await issueLabel(s.ctx(), order.id, input(s), { idempotencyKey: "a" }, { adapters });
    expect(label).toMatchObject({ carrier: "aramex", cost: 2250, currency: "SAR", handover: "dropoff", status: "created" });
    expect(label.trackingNumber).toMatch(/^\d{11}$/);
    expect(label.trackingUrl).toBe(`https://www.aramex.com/sa/en/track/results?ShipmentNumber=${label.trackingNumber}`);
    expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).status).toBe("SHIPPED");
    const sms = await db.smsMessage.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id } });
    expect(sms.event).toBe("order.label_issued");
    expect(sms.body).toMatch(/\/o\/[A-Za-z0-9_-]{43}/);
    expect(sms.body).not.toContain(label.trackingUrl!);
    expect(await books(s.store.id)).toMatchObject({ balance: 10_000 - 2250, sum: 10_000 - 2250, labels: 1, debits: 1, refunds: 0 });
  });

  it("a short balance charges nothing and says both amounts", async () => {
    const s = await shippableStore(1000);
    const order = await packedOrder(s);
    await expect(issueLabel(s.ctx(), order.id, input(s), {}, { adapters })).rejects.toMatchObject({
      code: "INSUFFICIENT_BALANCE",
      details: { balance: 1000, required: 2250 },
    });
    expect(await books(s.store.id)).toMatchObject({ balance: 1000, sum: 1000, labels: 0, debits: 0 });
    expect(await db.shipment.count({ where: { storeId: s.store.id } })).toBe(0);
  });

  it("refuses pickup with a drop-off-only carrier, and an order that is not in progress", async () => {
    const s = await shippableStore(10_000);
    const order = await packedOrder(s);
    await expect(
      issueLabel(s.ctx(), order.id, input(s, { carrier: "smsa", handover: "pickup", pickupAt: new Date().toISOString() }), {}, { adapters }),
    ).rejects.toMatchObject({
      code: "HANDOVER_NOT_SUPPORTED",
    });
    const received = await seedOrder(s);
    await expect(issueLabel(s.ctx(), received.id, input(s), {}, { adapters })).rejects.toMatchObject({ code: "ORDER_INVALID_TRANSITION" });
    expect(await books(s.store.id)).toMatchObject({ balance: 10_000, debits: 0 });
  });

  it("a carrier failure refunds the debit and tells why", async () => {
    const s = await shippableStore(10_000);
    const order = await packedOrder(s);
    simulatorControl.failNext("aramex");
    await expect(issueLabel(s.ctx(), order.id, input(s), {}, { adapters })).rejects.toMatchObject({ code: "CARRIER_ERROR" });
    expect(await books(s.store.id)).toMatchObject({ balance: 10_000, sum: 10_000, labels: 0, debits: 1, refunds: 1 });
    expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).status).toBe("IN_PROGRESS");
  });

  it("100 concurrent labels on a balance that covers exactly 37: 37 labels, 63 refused, balance 0, ledger = balance", async () => {
    const s = await shippableStore(37 * 2250);
    // Placed ten at a time: one store's intakes queue on its order counter, and on a cluster a hundred at once
    // wait longer than a transaction may wait to start. The labels below are the race.
    const orders = [];
    for (let i = 0; i < 10; i++) orders.push(...(await Promise.all(Array.from({ length: 10 }, () => packedOrder(s)))));
    const results = await Promise.allSettled(orders.map((o) => issueLabel(s.ctx(), o.id, input(s), { idempotencyKey: `k-${o.id}` }, { adapters })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(37);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.every((r) => r.reason.code === "INSUFFICIENT_BALANCE")).toBe(true);
    expect(await books(s.store.id)).toEqual({ balance: 0, sum: 0, labels: 37, debits: 37, refunds: 0 });
  }, 120_000);

  it("the same Idempotency-Key 20 times at once: one label, one debit, the same answer", async () => {
    const s = await shippableStore(10_000);
    const order = await packedOrder(s);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => issueLabel(s.ctx(), order.id, input(s), { idempotencyKey: "double-click" }, { adapters })),
    );
    expect(new Set(results.map((r) => r.trackingNumber)).size).toBe(1);
    expect(await books(s.store.id)).toMatchObject({ labels: 1, debits: 1, balance: 10_000 - 2250 });
  });

  it("a process that died between the debit and the carrier's answer is settled by reconciliation either way", async () => {
    const s = await shippableStore(10_000);
    const [reached, neverReached] = [await packedOrder(s), await packedOrder(s)];
    // Simulate the crash: step 1 ran, then the process died (the carrier call never returned).
    const crash = { ...adapters, aramex: { ...adapters.aramex, createShipment: async () => Promise.reject(new Error("process killed")) } };
    await expect(issueLabel(s.ctx(), reached.id, input(s), {}, { adapters: crash })).rejects.toThrow("process killed");
    await expect(issueLabel(s.ctx(), neverReached.id, input(s), {}, { adapters: crash })).rejects.toThrow("process killed");
    const pending = await db.shipment.findMany({ where: { storeId: s.store.id, status: "PENDING" }, orderBy: { createdAt: "asc" } });
    expect(pending).toHaveLength(2);
    expect(await books(s.store.id)).toMatchObject({ balance: 10_000 - 2 * 2250, debits: 2 });
    // The first request did reach the carrier before the crash.
    await adapters.aramex.createShipment({
      reference: pending[0].id,
      accountNumber: null,
      from: {} as never,
      to: {} as never,
      packages: [],
      codAmount: 0,
      currency: "SAR",
      handover: "dropoff",
    });

    const settled = await reconcileLabels({ adapters }, { olderThanMs: 0 });
    expect(settled).toEqual({ completed: 1, refunded: 1, voided: 0, waiting: 0 });
    expect(await books(s.store.id)).toMatchObject({ balance: 10_000 - 2250, sum: 10_000 - 2250, labels: 1, debits: 2, refunds: 1 });
    expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: reached.id } } })).status).toBe("SHIPPED");
    expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: neverReached.id } } })).status).toBe("IN_PROGRESS");
    // Settling again changes nothing.
    expect(await reconcileLabels({ adapters }, { olderThanMs: 0 })).toEqual({ completed: 0, refunded: 0, voided: 0, waiting: 0 });
  });

  it("is debited at the platform's price, whatever rate card the store's admin set (even one halala)", async () => {
    const s = await shippableStore(10_000);
    await saveCarrierAccount(s.ctx(), {
      carrier: "aramex",
      enabled: true,
      rates: { firstKg: 1, perAdditionalKg: 0, codFee: 0, volumetricDivisor: 10_000, weightStepGrams: 10_000 },
    });
    const order = await packedOrder(s);
    const label = await issueLabel(s.ctx(), order.id, input(s), {}, { adapters });
    expect(label.cost).toBe(2250);
    expect((await db.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: label.id } } })).billing).toBe("platform");
    expect(await books(s.store.id)).toMatchObject({ balance: 10_000 - 2250, sum: 10_000 - 2250, debits: 1 });
  });

  it("on the store's own carrier account, the carrier bills the store: the wallet pays only the platform's fee (none by default)", async () => {
    const s = await shippableStore(10_000);
    await saveCarrierAccount(s.ctx(), { carrier: "aramex", enabled: true, accountNumber: "ARX-77120" });
    const free = await issueLabel(s.ctx(), (await packedOrder(s)).id, input(s), {}, { adapters });
    expect(free).toMatchObject({ cost: 0, status: "created" });
    expect((await db.carrierSimShipment.findFirstOrThrow({ where: { reference: free.id } })).accountNumber).toBe("ARX-77120");
    expect(await books(s.store.id)).toMatchObject({ balance: 10_000, debits: 0 });
    vi.stubEnv("PLATFORM_LABEL_FEE", "150");
    try {
      const withFee = await issueLabel(s.ctx(), (await packedOrder(s)).id, input(s), {}, { adapters });
      expect(withFee.cost).toBe(150);
      expect(await books(s.store.id)).toMatchObject({ balance: 10_000 - 150, sum: 10_000 - 150, debits: 1 });
      // Voiding it gives the fee back; the free one has nothing to give back.
      await voidLabel(s.ctx(), withFee.id, { adapters });
      await voidLabel(s.ctx(), free.id, { adapters });
      expect(await books(s.store.id)).toMatchObject({ balance: 10_000, sum: 10_000, refunds: 1 });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("a zero or invalid platform price is a clear 422 naming the carrier, and nothing is charged", async () => {
    const s = await shippableStore(10_000);
    const order = await packedOrder(s);
    for (const setting of ['{"aramex":{"firstKg":0}}', "{not json", '{"aramex":{"firstKg":-5}}']) {
      vi.stubEnv("PLATFORM_RATES", setting);
      try {
        await expect(issueLabel(s.ctx(), order.id, input(s), {}, { adapters })).rejects.toMatchObject({ code: "RATE_UNAVAILABLE" });
      } finally {
        vi.unstubAllEnvs();
      }
    }
    expect(await books(s.store.id)).toMatchObject({ balance: 10_000, debits: 0 });
    expect(await db.shipment.count({ where: { storeId: s.store.id } })).toBe(0);
  });

  it("a pickup is booked only inside the branch's and the carrier's hours, in the future: else 422 with the reason, before any charge", async () => {
    const s = await shippableStore(10_000);
    const hours = Object.fromEntries(["sat", "sun", "mon", "tue", "wed", "thu", "fri"].map((d) => [d, { open: "08:00", close: "23:00" }]));
    await db.branch.update({ where: { storeId_id: { storeId: s.store.id, id: s.branches[0].id } }, data: { workingHours: hours } });
    const order = await packedOrder(s);
    const pickup = (pickupAt: string) => issueLabel(s.ctx(), order.id, input(s, { handover: "pickup", pickupAt }), {}, { adapters });
    await expect(pickup(new Date(Date.now() - 3_600_000).toISOString())).rejects.toMatchObject({
      code: "PICKUP_SLOT_UNAVAILABLE",
      fields: { pickupAt: "is in the past or too soon" },
    });
    // 03:00 in Riyadh tomorrow: the branch (and Aramex) are closed.
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString("en-CA", { timeZone: "Asia/Riyadh" });
    await expect(pickup(`${tomorrow}T03:00:00+03:00`)).rejects.toMatchObject({ code: "PICKUP_SLOT_UNAVAILABLE", details: { reason: "closed" } });
    expect(await books(s.store.id)).toMatchObject({ balance: 10_000, debits: 0 });
    expect(await db.shipment.count({ where: { storeId: s.store.id } })).toBe(0);
    // One of the slots the API offers is taken.
    const api = await import("@/app/api/v1/branches/[branchId]/pickup-slots/route");
    const res = await api.GET(
      new Request(`http://localhost/api/v1/branches/${s.branches[0].id}/pickup-slots?carrier=aramex`, {
        headers: { authorization: `Bearer ${s.tokens.STAFF}` },
      }),
      { params: Promise.resolve({ branchId: s.branches[0].id }) },
    );
    const slots = (await res.json()).data as { start: string; end: string }[];
    expect(slots.length).toBeGreaterThan(10);
    expect(new Date(slots[0].end).getTime() - new Date(slots[0].start).getTime()).toBe(2 * 3_600_000);
    expect(await pickup(slots[0].start)).toMatchObject({ status: "created", handover: "pickup" });
    // A branch without hours has none to offer.
    const closed = await api.GET(
      new Request(`http://localhost/api/v1/branches/${s.branches[1].id}/pickup-slots?carrier=aramex`, {
        headers: { authorization: `Bearer ${s.tokens.STAFF}` },
      }),
      { params: Promise.resolve({ branchId: s.branches[1].id }) },
    );
    expect((await closed.json()).data).toEqual([]);
  });

  it("another store's order is not found and its wallet is untouched", async () => {
    const s = await shippableStore(10_000);
    const outsider = await shippableStore(10_000);
    const order = await packedOrder(s);
    await expect(issueLabel(outsider.ctx(), order.id, input(outsider), {}, { adapters })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await books(s.store.id)).toMatchObject({ balance: 10_000, debits: 0 });
    expect(await books(outsider.store.id)).toMatchObject({ balance: 10_000, debits: 0 });
  });
});
