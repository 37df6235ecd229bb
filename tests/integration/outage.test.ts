// Outages: the SMS provider and a carrier fail (500s) or stop answering in time for a while, then
// recover. Nothing is lost, nothing is sent or charged twice, and what is waiting is said so.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { jobHandlers } from "@/server/jobs/handlers";
import { runDueJobs } from "@/server/jobs/worker";
import { twilioProvider } from "@/server/notifications/sms-provider";
import { transitionOrder } from "@/server/orders/transition-order";
import { carrierAdapters, simulatedCarrier, simulatorControl } from "@/server/shipping/carrier-simulator";
import { issueLabel, reconcileLabels } from "@/server/shipping/issue-label";
import { seedOrder, seedStore, type SeededStore } from "../support/factories";
import { labelInput, packedOrder, shippableStore } from "../support/labels";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, startTwilioFake } from "../support/twilio-fake";

let fake: Awaited<ReturnType<typeof startTwilioFake>>;
let handlers: ReturnType<typeof jobHandlers>;
const adapters = carrierAdapters();

beforeAll(async () => {
  fake = await startTwilioFake();
  // A short client timeout stands for a provider that stops answering.
  handlers = jobHandlers({ sms: twilioProvider({ accountSid: FAKE_ACCOUNT_SID, authToken: FAKE_AUTH_TOKEN, apiBase: fake.base, timeoutMs: 300 }) });
  vi.stubEnv("PUBLIC_URL", "http://tajer.test");
});
afterAll(async () => {
  await fake.close();
  vi.unstubAllEnvs();
});
beforeEach(() => {
  simulatorControl.latencyMs = 0;
  simulatorControl.failures.clear();
  simulatorControl.down.clear();
});

/** Runs the store's due jobs as the worker would, moving a simulated clock to each retry. */
async function drain(storeId: string) {
  let at = new Date();
  for (let i = 0; i < 20; i++) {
    const next = await db.job.findFirst({ where: { storeId, doneAt: null, failedAt: null }, orderBy: { runAt: "asc" } });
    if (!next) return;
    if (next.runAt > at) at = next.runAt;
    await runDueJobs(handlers, { now: at, storeId });
  }
}

const label = (s: SeededStore) => labelInput(s);
async function books(storeId: string) {
  const wallet = await db.wallet.findUniqueOrThrow({ where: { storeId } });
  const ledger = (await db.walletEntry.aggregate({ where: { storeId }, _sum: { amount: true } }))._sum.amount ?? 0;
  const debits = await db.walletEntry.count({ where: { storeId, kind: "LABEL" } });
  const refunds = await db.walletEntry.count({ where: { storeId, kind: "REFUND" } });
  const labels = await db.shipment.count({ where: { storeId, kind: "CARRIER", status: "CREATED" } });
  const pending = await db.shipment.count({ where: { storeId, kind: "CARRIER", status: "PENDING" } });
  return { balanced: wallet.balance === ledger, debits, refunds, labels, pending };
}

describe("outages", () => {
  it("the SMS provider stops answering in time, then recovers: the message it had accepted is not sent again", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    await transitionOrder(s.ctx(), order.id, { to: "canceled" });
    fake.slowNext(1, 1_000); // accepted, but answered after the client gave up
    const first = new Date();
    await runDueJobs(handlers, { now: first, storeId: s.store.id });
    let [sms] = await db.smsMessage.findMany({ where: { storeId: s.store.id, orderId: order.id } });
    // The merchant sees it waiting, and why.
    expect(sms.status).toBe("PENDING");
    expect(sms.error).toMatch(/timeout|timed out|ETIMEDOUT|ESOCKETTIMEDOUT/i);
    // The retry comes while the provider's late answer may still be on its way: it asks first, and finds it.
    await drain(s.store.id);
    [sms] = await db.smsMessage.findMany({ where: { storeId: s.store.id, orderId: order.id } });
    expect(sms.status).toBe("QUEUED");
    expect(fake.messages.filter((m) => m.to === order.customer.phone)).toHaveLength(1);
    expect(sms.providerSid).toBe(fake.messages.find((m) => m.to === order.customer.phone)!.sid);
  });

  it("a carrier down for a while: each label is refused and refunded at once; once it is back, the label is bought; the books stay right", async () => {
    const s = await shippableStore();
    const order = await packedOrder(s);
    simulatorControl.down.add("aramex");
    for (let i = 0; i < 3; i++) {
      await expect(issueLabel(s.ctx(), order.id, label(s), { idempotencyKey: `down-${i}` }, { adapters })).rejects.toMatchObject({ code: "CARRIER_ERROR" });
    }
    expect(await books(s.store.id)).toEqual({ balanced: true, debits: 3, refunds: 3, labels: 0, pending: 0 });
    simulatorControl.down.delete("aramex");
    const issued = await issueLabel(s.ctx(), order.id, label(s), { idempotencyKey: "back" }, { adapters });
    expect(issued.status).toBe("created");
    expect(await books(s.store.id)).toEqual({ balanced: true, debits: 4, refunds: 3, labels: 1, pending: 0 });
  });

  it("a carrier too slow to answer: the label is pending (not charged twice by a second try), and its late answer issues it and ships the order", async () => {
    const s = await shippableStore();
    const order = await packedOrder(s);
    simulatorControl.latencyMs = 400;
    const slow = await issueLabel(s.ctx(), order.id, label(s), { idempotencyKey: "slow-1" }, { adapters, answerWithinMs: 50 });
    expect(slow.status).toBe("pending");
    await expect(issueLabel(s.ctx(), order.id, label(s), { idempotencyKey: "slow-2" }, { adapters, answerWithinMs: 50 })).rejects.toMatchObject({
      code: "LABEL_IN_PROGRESS",
      details: { reason: "label_pending" },
    });
    expect(await books(s.store.id)).toEqual({ balanced: true, debits: 1, refunds: 0, labels: 0, pending: 1 });
    await vi.waitFor(async () => expect((await books(s.store.id)).labels).toBe(1), { timeout: 3_000, interval: 50 });
    expect(await books(s.store.id)).toEqual({ balanced: true, debits: 1, refunds: 0, labels: 1, pending: 0 });
    expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).status).toBe("SHIPPED");
    expect(await db.smsMessage.count({ where: { storeId: s.store.id, orderId: order.id, event: "order.label_issued" } })).toBe(1);
  });

  it("a carrier that never answers and then goes down: reconciliation waits while it is down, and refunds once it says it has no such label", async () => {
    const s = await shippableStore();
    const order = await packedOrder(s);
    const silent = { ...adapters, aramex: { ...simulatedCarrier("aramex"), createShipment: () => new Promise<never>(() => {}) } };
    expect((await issueLabel(s.ctx(), order.id, label(s), { idempotencyKey: "silent" }, { adapters: silent, answerWithinMs: 50 })).status).toBe("pending");
    simulatorControl.down.add("aramex");
    const during = await reconcileLabels({ adapters }, { olderThanMs: 0 });
    expect(during.waiting).toBeGreaterThanOrEqual(1);
    expect(await books(s.store.id)).toEqual({ balanced: true, debits: 1, refunds: 0, labels: 0, pending: 1 });
    simulatorControl.down.delete("aramex");
    await reconcileLabels({ adapters }, { olderThanMs: 0 });
    expect(await books(s.store.id)).toEqual({ balanced: true, debits: 1, refunds: 1, labels: 0, pending: 0 });
    // The order is still in progress: a label can be bought again.
    expect((await issueLabel(s.ctx(), order.id, label(s), { idempotencyKey: "again" }, { adapters })).status).toBe("created");
  });
});
