import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { jobHandlers } from "@/server/jobs/handlers";
import { runDueJobs } from "@/server/jobs/worker";
import { twilioProvider } from "@/server/notifications/sms-provider";
import { answerByToken, confirmForCustomer, saveConfirmationSettings } from "@/server/orders/cod-confirmation";
import { DEFAULT_CONFIRMATION_SETTINGS, type ConfirmationSettings } from "@/server/orders/confirmation-rules";
import { transitionOrder } from "@/server/orders/transition-order";
import { saveRiskSettings } from "@/server/customers/manage-risk-settings";
import { riskSettingsSchema } from "@/server/customers/risk-settings";
import { customerRisk } from "@/server/customers/customer-risk";
import { getOrder } from "@/server/orders/get-order";
import { issueLabel } from "@/server/shipping/issue-label";
import { POST as inboundWebhook } from "@/app/api/webhooks/twilio/inbound/route";
import { POST as answerRoute } from "@/app/api/public/orders/[token]/confirmation/route";
import { seedOrder, seedStore, uniquePhone, type SeededStore } from "../support/factories";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, startTwilioFake } from "../support/twilio-fake";
import { labelInput, shippableStore } from "../support/labels";
import { carrierAdapters, simulatorControl } from "@/server/shipping/carrier-simulator";

let fake: Awaited<ReturnType<typeof startTwilioFake>>;
let handlers: ReturnType<typeof jobHandlers>;
let inboundServer: import("node:http").Server;
let inboundUrl: string;
const PUBLIC = "http://tajer.test";

beforeAll(async () => {
  fake = await startTwilioFake();
  handlers = jobHandlers({ sms: twilioProvider({ accountSid: FAKE_ACCOUNT_SID, authToken: FAKE_AUTH_TOKEN, apiBase: fake.base }) });
  vi.stubEnv("PUBLIC_URL", PUBLIC);
  vi.stubEnv("TWILIO_AUTH_TOKEN", FAKE_AUTH_TOKEN);
  // The webhook as Twilio reaches it: a real HTTP server in front of the route handler. The signature covers
  // the public URL the app knows itself by, not the loopback address the fake posts to.
  const http = await import("node:http");
  inboundServer = http.createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const response = await inboundWebhook(
      new Request(`${PUBLIC}/api/webhooks/twilio/inbound`, { method: "POST", headers: req.headers as Record<string, string>, body: raw }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
  });
  await new Promise<void>((resolve) => inboundServer.listen(0, "127.0.0.1", resolve));
  inboundUrl = `http://127.0.0.1:${(inboundServer.address() as import("node:net").AddressInfo).port}/api/webhooks/twilio/inbound`;
});
afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => inboundServer.close(resolve));
  vi.unstubAllEnvs();
});

async function drain(storeId: string, at = new Date()) {
  for (let i = 0; i < 10; i++) if (!(await runDueJobs(handlers, { now: at, storeId }))) return;
}
const confirming = async (s: SeededStore, settings: Partial<ConfirmationSettings> = {}) =>
  saveConfirmationSettings(s.ctx(), { ...DEFAULT_CONFIRMATION_SETTINGS, ask: "all_cod", ...settings });
const orderRow = (s: SeededStore, id: string) => db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id } } });
const eventsOf = async (s: SeededStore, orderId: string) =>
  (await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) => e.type);
/** The customer writes back through the local Twilio server, which signs and posts it to the webhook. */
async function reply(from: string, body: string, extra: { buttonPayload?: string } = {}) {
  // Twilio signs the URL it was configured with (the app's public one), whichever address it reaches.
  return fake.inbound({ url: inboundUrl, signedUrl: `${PUBLIC}/api/webhooks/twilio/inbound`, from, body, ...extra });
}

describe("cash on delivery confirmed by the customer", () => {
  it("a COD order waits for the customer: flag, deadline, message with the page's link, and a job at the deadline", async () => {
    const s = await seedStore();
    await confirming(s, { waitHours: 6 });
    const before = Date.now();
    const order = await seedOrder(s);
    expect(order.status).toBe("received");
    expect(order.confirmation?.state).toBe("awaiting");
    const due = new Date(order.confirmation!.dueAt!).getTime();
    expect(due - before).toBeGreaterThanOrEqual(6 * 3_600_000 - 1000);
    expect(due - before).toBeLessThan(6 * 3_600_000 + 60_000);
    const row = await orderRow(s, order.id);
    const [sms] = await db.smsMessage.findMany({ where: { storeId: s.store.id, orderId: order.id } });
    expect(sms.event).toBe("order.confirm_cod");
    expect(sms.body).toContain(`${PUBLIC}/o/${row.publicToken}`);
    expect(sms.body).toContain("1");
    const job = await db.job.findFirstOrThrow({ where: { storeId: s.store.id, kind: "order.confirmation_due" } });
    expect(job.runAt.getTime()).toBe(due);
    expect(await eventsOf(s, order.id)).toEqual(["order.placed", "confirmation.requested"]);
    // Prepaid orders are not asked.
    const paid = await seedOrder(s, { payment: { method: "card", status: "paid" } } as never);
    expect(paid.confirmation).toBeNull();
  });

  it("the store not asking: nothing changes", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    expect(order.confirmation).toBeNull();
    expect(await db.smsMessage.count({ where: { storeId: s.store.id, orderId: order.id } })).toBe(0);
  });

  it("confirmed on the order page: the flag clears once; a second answer changes nothing", async () => {
    const s = await seedStore();
    await confirming(s);
    const order = await seedOrder(s);
    const { publicToken } = await orderRow(s, order.id);
    const form = (answer: string) =>
      answerRoute(
        new Request(`${PUBLIC}/api/public/orders/${publicToken}/confirmation`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: `answer=${answer}`,
        }),
        { params: Promise.resolve({ token: publicToken }) },
      );
    const first = await form("confirm");
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/o/${publicToken}?answered=confirm`);
    const again = await answerByToken(publicToken, "cancel");
    expect(again).toEqual({ state: "confirmed", changed: false });
    const row = await orderRow(s, order.id);
    expect(row.confirmation).toBe("CONFIRMED");
    expect(row.confirmationDueAt).toBeNull();
    expect(row.status).toBe("RECEIVED");
    const events = await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId: order.id, type: "confirmation.confirmed" } });
    expect(events).toHaveLength(1);
    expect(events[0].actorType).toBe("CUSTOMER");
    expect(events[0].data).toMatchObject({ via: "link" });
    // Bad input is named; an unknown token is a plain 404.
    const bad = await answerRoute(
      new Request(`${PUBLIC}/x`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ answer: "maybe" }) }),
      { params: Promise.resolve({ token: publicToken }) },
    );
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.answer).toBeTruthy();
    const unknown = await answerRoute(
      new Request(`${PUBLIC}/x`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ answer: "confirm" }) }),
      { params: Promise.resolve({ token: "0".repeat(64) }) },
    );
    expect(unknown.status).toBe(404);
  });

  it("declined on the page: the order is canceled by the customer, its stock back, the customer told", async () => {
    const s = await seedStore();
    await confirming(s);
    const order = await seedOrder(s);
    await transitionOrder(s.ctx(), order.id, { to: "in_progress" });
    const stockBefore = await db.stockLevel.findFirstOrThrow({ where: { storeId: s.store.id, variantId: s.variants["SKU-A"], branchId: s.branches[0].id } });
    const { publicToken } = await orderRow(s, order.id);
    expect(await answerByToken(publicToken, "cancel")).toEqual({ state: "declined", changed: true });
    const row = await orderRow(s, order.id);
    expect(row.status).toBe("CANCELED");
    expect(row.confirmation).toBe("DECLINED");
    const stockAfter = await db.stockLevel.findFirstOrThrow({ where: { storeId: s.store.id, variantId: s.variants["SKU-A"], branchId: s.branches[0].id } });
    expect(stockAfter.quantity).toBe(stockBefore.quantity + 2);
    const canceled = await db.orderEvent.findFirstOrThrow({
      where: { storeId: s.store.id, orderId: order.id, type: "order.status_changed", data: { path: ["to"], equals: "canceled" } },
    });
    expect(canceled.data).toMatchObject({ reason: "customer_declined" });
    expect(canceled.actorType).toBe("CUSTOMER");
    const sms = await db.smsMessage.findMany({ where: { storeId: s.store.id, orderId: order.id }, orderBy: { createdAt: "asc" } });
    expect(sms.map((m) => m.event)).toEqual(["order.confirm_cod", "order.canceled"]);
  });

  it("once the parcel has left, the customer cannot cancel from the page", async () => {
    const s = await seedStore();
    await confirming(s);
    const order = await seedOrder(s);
    await transitionOrder(s.ctx(), order.id, { to: "in_progress" });
    await transitionOrder(s.ctx(), order.id, { to: "shipped", shipment: { courierName: "Ali" } });
    const { publicToken } = await orderRow(s, order.id);
    await expect(answerByToken(publicToken, "cancel")).rejects.toMatchObject({ code: "CONFLICT", say: { key: "confirmationTooLate" } });
    expect((await orderRow(s, order.id)).status).toBe("SHIPPED");
  });

  it("replies by SMS are matched to the customer's waiting order: '1' confirms, 'إلغاء' cancels, anything else is for a person", async () => {
    const s = await seedStore();
    await confirming(s);
    const phone = uniquePhone();
    const first = await seedOrder(s, { phone });
    await drain(s.store.id);
    const answered = await reply(phone, "١");
    expect(answered.status).toBe(200);
    expect(answered.body).toContain("<Response>");
    expect((await orderRow(s, first.id)).confirmation).toBe("CONFIRMED");

    const second = await seedOrder(s, { phone });
    await drain(s.store.id);
    await reply(phone, " إلغاء! ");
    const row = await orderRow(s, second.id);
    expect(row.status).toBe("CANCELED");
    expect(row.confirmation).toBe("DECLINED");
    const declined = await db.orderEvent.findFirstOrThrow({ where: { storeId: s.store.id, orderId: second.id, type: "confirmation.declined" } });
    expect(declined.data).toMatchObject({ via: "reply" });

    // Plain text lands on the latest open order's timeline, for a person; it answers nothing.
    await reply(phone, "متى يصل الطلب؟");
    const message = await db.orderEvent.findFirstOrThrow({
      where: { storeId: s.store.id, orderId: first.id, type: "message.received" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(message.data).toMatchObject({ body: "متى يصل الطلب؟", intent: null, channel: "sms" });
    const inbox = await db.inboundMessage.findMany({ where: { storeId: s.store.id, from: phone }, orderBy: { receivedAt: "asc" } });
    expect(inbox.map((m) => [m.intent, m.orderId])).toEqual([
      ["confirm", first.id],
      ["cancel", second.id],
      [null, first.id],
    ]);
    // The owner is told.
    expect(await db.notification.count({ where: { storeId: s.store.id, type: "message.received" } })).toBe(3);
  });

  it("a WhatsApp quick reply answers by its payload; a webhook delivered twice is recorded once; a forged one is refused", async () => {
    const s = await seedStore();
    await confirming(s);
    const phone = uniquePhone();
    const order = await seedOrder(s, { phone });
    await drain(s.store.id);
    const params = { MessageSid: "SMdup0001", From: `whatsapp:${phone}`, To: "whatsapp:+966500000000", Body: "Confirm", ButtonPayload: "confirm" };
    const { body, signature } = fake.signedCallback(`${PUBLIC}/api/webhooks/twilio/inbound`, params);
    const post = (sig: string) =>
      inboundWebhook(
        new Request(`${PUBLIC}/api/webhooks/twilio/inbound`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": sig },
          body,
        }),
      );
    expect((await post("forged")).status).toBe(401);
    expect((await orderRow(s, order.id)).confirmation).toBe("AWAITING");
    expect((await post(signature)).status).toBe(200);
    expect((await post(signature)).status).toBe(200);
    expect((await orderRow(s, order.id)).confirmation).toBe("CONFIRMED");
    const inbox = await db.inboundMessage.findMany({ where: { storeId: s.store.id, from: phone } });
    expect(inbox).toHaveLength(1);
    expect(inbox[0].channel).toBe("WHATSAPP");
    expect(await db.orderEvent.count({ where: { storeId: s.store.id, orderId: order.id, type: "message.received" } })).toBe(1);
  });

  it("a reply from a number no store wrote to is dropped, and another store's customer with the same phone is not touched", async () => {
    const a = await seedStore();
    const b = await seedStore();
    await confirming(a);
    await confirming(b);
    const phone = uniquePhone();
    const inA = await seedOrder(a, { phone });
    const inB = await seedOrder(b, { phone });
    // Only store B's message has left (store A's is still queued): the reply belongs to B.
    await drain(b.store.id);
    await db.smsMessage.updateMany({ where: { storeId: a.store.id }, data: { createdAt: new Date(Date.now() - 3_600_000) } });
    await reply(phone, "yes");
    expect((await orderRow(b, inB.id)).confirmation).toBe("CONFIRMED");
    expect((await orderRow(a, inA.id)).confirmation).toBe("AWAITING");
    const stranger = await reply(uniquePhone(), "1");
    expect(stranger.status).toBe(200);
  });

  it("no answer: reminded once, then held and the owner told", async () => {
    const s = await seedStore();
    await confirming(s, { waitHours: 2, whenUnanswered: "remind" });
    const order = await seedOrder(s);
    const due = new Date(order.confirmation!.dueAt!);
    await drain(s.store.id, new Date(due.getTime() - 60_000));
    expect((await orderRow(s, order.id)).confirmationRemindedAt).toBeNull();
    await drain(s.store.id, due);
    const reminded = await orderRow(s, order.id);
    expect(reminded.confirmationRemindedAt).not.toBeNull();
    expect(reminded.confirmation).toBe("AWAITING");
    const sms = await db.smsMessage.findMany({ where: { storeId: s.store.id, orderId: order.id }, orderBy: { createdAt: "asc" } });
    expect(sms.map((m) => m.event)).toEqual(["order.confirm_cod", "order.confirm_reminder"]);
    await drain(s.store.id, new Date(reminded.confirmationDueAt!.getTime() + 1000));
    const held = await orderRow(s, order.id);
    expect(held.confirmation).toBe("UNANSWERED");
    expect(held.status).toBe("RECEIVED");
    expect(await eventsOf(s, order.id)).toEqual(["order.placed", "confirmation.requested", "confirmation.reminded", "confirmation.unanswered"]);
    expect(await db.notification.count({ where: { storeId: s.store.id, type: "confirmation.unanswered" } })).toBe(1);
    // A person confirms after a phone call.
    expect(await confirmForCustomer(s.ctx("STAFF"), order.id)).toEqual({ state: "confirmed", changed: true });
    const dto = await getOrder(s.ctx(), order.id);
    expect(dto.confirmation).toEqual({ state: "confirmed", dueAt: null });
  });

  it("no answer with the rule 'cancel': canceled, the customer told; an answer already given is never overridden", async () => {
    const s = await seedStore();
    await confirming(s, { waitHours: 1, whenUnanswered: "cancel" });
    const silent = await seedOrder(s);
    const answered = await seedOrder(s);
    await answerByToken((await orderRow(s, answered.id)).publicToken, "confirm");
    await drain(s.store.id, new Date(Date.now() + 3_600_000 + 60_000));
    const row = await orderRow(s, silent.id);
    expect(row.status).toBe("CANCELED");
    expect(row.confirmation).toBe("UNANSWERED");
    const canceled = await db.orderEvent.findFirstOrThrow({ where: { storeId: s.store.id, orderId: silent.id, type: "order.status_changed" } });
    expect(canceled.data).toMatchObject({ to: "canceled", reason: "unanswered" });
    expect((await orderRow(s, answered.id)).status).toBe("RECEIVED");
  });

  it("a label for an unconfirmed order: allowed with a warning by default, refused by the store's rule", async () => {
    simulatorControl.latencyMs = 0;
    simulatorControl.failureRate = 0;
    const s = await shippableStore();
    await confirming(s, { label: "refuse" });
    const order = await seedOrder(s);
    await transitionOrder(s.ctx(), order.id, { to: "in_progress" });
    const adapters = carrierAdapters();
    await expect(issueLabel(s.ctx(), order.id, labelInput(s), {}, { adapters })).rejects.toMatchObject({ code: "CONFIRMATION_PENDING" });
    const { balance } = await db.wallet.findUniqueOrThrow({ where: { storeId: s.store.id } });
    expect(balance).toBe(100_000);
    await confirming(s, { label: "warn" });
    const label = await issueLabel(s.ctx(), order.id, labelInput(s), {}, { adapters });
    expect(label.status).toBe("created");
  });

  it("a customer whose risk band asks for it is asked, even when the store does not ask everyone; their history counts", async () => {
    const s = await seedStore();
    await saveRiskSettings(s.ctx(), riskSettingsSchema.parse({ bands: { medium: 10, high: 90 }, actions: { medium: "confirm", high: "no_cod" } }));
    const phone = uniquePhone();
    // No national address: the incomplete-address factor alone puts the customer in the medium band.
    const order = await seedOrder(s, { phone });
    expect(order.confirmation?.state).toBe("awaiting");
    const requested = await db.orderEvent.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id, type: "confirmation.requested" } });
    expect(requested.data).toMatchObject({ reason: "risk" });
    // Confirmed, then canceled by the store: "canceled after confirming" counts it.
    await confirmForCustomer(s.ctx(), order.id);
    await transitionOrder(s.ctx(), order.id, { to: "canceled" });
    const risk = await customerRisk(s.ctx(), order.customer.id);
    const factor = risk.factors.find((f) => f.factor === "canceledAfterConfirming")!;
    expect(factor.value).toBe(1);
    expect(factor.orders.map((o) => o.id)).toEqual([order.id]);
  });
});
