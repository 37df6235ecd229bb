// Stage 7 end to end on a real database and the real job queue, with the real Twilio SDK talking to a
// local Twilio-compatible server. The clock is the worker's: moved forward, never waited for.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { jobHandlers } from "@/server/jobs/handlers";
import { runDueJobs } from "@/server/jobs/worker";
import { twilioProvider } from "@/server/notifications/sms-provider";
import { transitionOrder } from "@/server/orders/transition-order";
import { setCustomerBlocked } from "@/server/customers/block-customer";
import { saveReviewSettings } from "@/server/reviews/manage-review-settings";
import { readReviewSettings } from "@/server/reviews/review-settings";
import { sendReviewRequestNow } from "@/server/reviews/review-requests";
import { seedOrder, seedStore, type SeededStore } from "../support/factories";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, startTwilioFake } from "../support/twilio-fake";

let fake: Awaited<ReturnType<typeof startTwilioFake>>;
let handlers: ReturnType<typeof jobHandlers>;
const PUBLIC = "http://tajer.test";
const DAY = 86_400_000;

beforeAll(async () => {
  fake = await startTwilioFake();
  handlers = jobHandlers({ sms: twilioProvider({ accountSid: FAKE_ACCOUNT_SID, authToken: FAKE_AUTH_TOKEN, apiBase: fake.base }) });
  vi.stubEnv("PUBLIC_URL", PUBLIC);
});
afterAll(async () => {
  await fake.close();
  vi.unstubAllEnvs();
});

/** Runs the store's jobs that are due at `at`, as the worker would at that moment. */
async function runAt(storeId: string, at: Date) {
  for (let i = 0; i < 10; i++) {
    const due = await db.job.count({ where: { storeId, doneAt: null, failedAt: null, runAt: { lte: at } } });
    if (!due) return;
    await runDueJobs(handlers, { now: at, storeId });
  }
}

async function delivered(s: SeededStore, overrides: Parameters<typeof seedOrder>[1] = {}) {
  const order = await seedOrder(s, overrides);
  for (const to of ["in_progress", "shipped", "delivered"] as const) {
    await transitionOrder(s.ctx(), order.id, { to, notifyCustomer: false, ...(to === "shipped" ? { shipment: { courierName: "Mandoob" } } : {}) });
  }
  const row = await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } });
  return { order, deliveredAt: row.deliveredAt! };
}

const requestOf = (s: SeededStore, orderId: string) => db.reviewRequest.findUniqueOrThrow({ where: { storeId_orderId: { storeId: s.store.id, orderId } } });
// What the app decided to send (one row per message; the provider may see a retry of it).
const reviewSmsOf = (s: SeededStore, orderId: string) => db.smsMessage.count({ where: { storeId: s.store.id, orderId, event: "review.request" } });
const sentTo = (phone: string) => fake.messages.filter((m) => m.to === phone && m.body.includes("/r/"));

// Quiet hours off unless a test turns them on, so the wall clock of the run does not matter.
async function store(settings: Record<string, unknown> = {}) {
  const s = await seedStore();
  await saveReviewSettings(s.ctx(), readReviewSettings({ quietHours: null, ...settings }));
  return s;
}

describe("review requests", () => {
  it("delivered → one request after the delay; the SMS carries a working review link; a second delivery event changes nothing", async () => {
    const s = await store({ discount: { kind: "percent", percent: 10, validityDays: 30, minOrder: 10_000 } });
    const { order, deliveredAt } = await delivered(s, { name: "Sara Q" });
    const request = await requestOf(s, order.id);
    expect(request.scheduledFor.getTime()).toBe(deliveredAt.getTime() + 3 * DAY);

    await runAt(s.store.id, new Date(deliveredAt.getTime() + 2 * DAY));
    expect(sentTo(order.customer.phone)).toHaveLength(0);
    await runAt(s.store.id, new Date(deliveredAt.getTime() + 3 * DAY + 1000));
    const [sms] = sentTo(order.customer.phone);
    const fresh = await requestOf(s, order.id);
    expect(fresh.status).toBe("SENT");
    expect(sms.body).toContain(`${PUBLIC}/r/${fresh.token}`);
    // The store speaks Arabic.
    expect(sms.body).toMatch(/^مرحبًا Sara Q، نتمنى أن طلبك #\d+ من /);
    const code = await db.discountCode.findFirstOrThrow({ where: { storeId: s.store.id, requestId: fresh.id } });
    expect([code.kind, code.value, code.minOrder]).toEqual(["percent", 10, 10_000]);
    // The timeline says so, with the SMS.
    const events = await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId: order.id, type: "review.requested" } });
    expect(events).toHaveLength(1);
    expect((events[0].data as { smsId: string }).smsId).toBeTruthy();

    // A duplicate delivered event (a carrier resending) schedules nothing new and sends nothing more.
    const { scheduleReviewRequestInTx } = await import("@/server/reviews/review-requests");
    await db.$transaction((tx) => scheduleReviewRequestInTx(tx, s.store.id, order.id, new Date()));
    await runAt(s.store.id, new Date(Date.now() + 10 * DAY));
    expect(await reviewSmsOf(s, order.id)).toBe(1);
    expect(await db.reviewRequest.count({ where: { storeId: s.store.id, orderId: order.id } })).toBe(1);
  });

  it("returned before the delay → canceled, no SMS; a blocked customer → none", async () => {
    const s = await store();
    const { order, deliveredAt } = await delivered(s);
    await transitionOrder(s.ctx(), order.id, { to: "returned", notifyCustomer: false });
    await runAt(s.store.id, new Date(deliveredAt.getTime() + 4 * DAY));
    expect((await requestOf(s, order.id)).status).toBe("CANCELED");
    expect(sentTo(order.customer.phone)).toHaveLength(0);

    const blocked = await delivered(s);
    const customerId = (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: blocked.order.id } } })).customerId;
    await setCustomerBlocked(s.ctx(), customerId, { reason: "never answers" });
    await runAt(s.store.id, new Date(blocked.deliveredAt.getTime() + 4 * DAY));
    expect(await requestOf(s, blocked.order.id)).toMatchObject({ status: "SKIPPED", reason: "the customer is blocked" });
    expect(sentTo(blocked.order.customer.phone)).toHaveLength(0);
  });

  it("due during quiet hours → deferred to the morning in the store's time zone, still sent once", async () => {
    const s = await store({ quietHours: { start: "22:00", end: "09:00" }, delayDays: 0 });
    const { order } = await delivered(s);
    const request = await requestOf(s, order.id);
    // Pretend the worker runs at 23:30 Riyadh (20:30 UTC) on the due day — a day ahead of the real clock, so
    // that the message the morning run queues (due at the real now) is due by the pretended morning too.
    const now = new Date();
    const lateEvening = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 20, 30));
    const morning = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 2, 6, 0));
    await db.job.updateMany({ where: { storeId: s.store.id, kind: "review.request" }, data: { runAt: lateEvening } });
    await runAt(s.store.id, lateEvening);
    const deferred = await requestOf(s, order.id);
    expect(deferred.status).toBe("SCHEDULED");
    expect(deferred.scheduledFor.toISOString()).toBe(morning.toISOString());
    await runAt(s.store.id, new Date(morning.getTime() + 1000));
    expect((await requestOf(s, order.id)).status).toBe("SENT");
    expect(sentTo(order.customer.phone)).toHaveLength(1);
    expect(request.id).toBe(deferred.id);
  });

  it("'Send review request now' sends at once and only once; not before delivery; off → none scheduled", async () => {
    const s = await store({ delayDays: 5 });
    const { order } = await delivered(s);
    expect(await sendReviewRequestNow(s.ctx(), order.id)).toMatchObject({ status: "sent" });
    await runAt(s.store.id, new Date());
    expect(sentTo(order.customer.phone)).toHaveLength(1);
    await expect(sendReviewRequestNow(s.ctx(), order.id)).rejects.toMatchObject({ code: "CONFLICT" });
    // The scheduled job, when it comes, finds it sent: no second message is made.
    await runAt(s.store.id, new Date(Date.now() + 6 * DAY));
    expect(await reviewSmsOf(s, order.id)).toBe(1);

    const early = await seedOrder(s);
    await expect(sendReviewRequestNow(s.ctx(), early.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A review request goes out once the order is delivered.",
    });
    const other = await seedStore();
    await expect(sendReviewRequestNow(other.ctx(), order.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const off = await store({ enabled: false });
    const quiet = await delivered(off);
    expect(await db.reviewRequest.count({ where: { storeId: off.store.id, orderId: quiet.order.id } })).toBe(0);
  });
});
