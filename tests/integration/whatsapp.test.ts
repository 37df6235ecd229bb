import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { jobHandlers } from "@/server/jobs/handlers";
import { runDueJobs } from "@/server/jobs/worker";
import { twilioProvider } from "@/server/notifications/sms-provider";
import { smsSettingsInput, updateSmsSettings } from "@/server/notifications/sms-settings";
import { saveConfirmationSettings } from "@/server/orders/cod-confirmation";
import { DEFAULT_CONFIRMATION_SETTINGS } from "@/server/orders/confirmation-rules";
import { transitionOrder } from "@/server/orders/transition-order";
import { seedOrder, seedStore, uniquePhone, type SeededStore } from "../support/factories";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, FAKE_WHATSAPP_CONTENT, FAKE_WHATSAPP_FROM, startTwilioFake } from "../support/twilio-fake";
import { TWILIO_ROUTES, startRouteServer } from "../support/route-server";
import { replyOptions, replyToCustomer } from "@/server/notifications/staff-reply";
import { setCustomerPreferences } from "@/server/customers/customer-preferences";

let fake: Awaited<ReturnType<typeof startTwilioFake>>;
let app: Awaited<ReturnType<typeof startRouteServer>>;
let handlers: ReturnType<typeof jobHandlers>;

beforeAll(async () => {
  fake = await startTwilioFake(0, { callbackDelayMs: 20 });
  // Twilio's callbacks and the customers' replies reach the app's own webhooks over HTTP, signed for its public URL.
  app = await startRouteServer(TWILIO_ROUTES);
  vi.stubEnv("PUBLIC_URL", app.base);
  vi.stubEnv("TWILIO_AUTH_TOKEN", FAKE_AUTH_TOKEN);
  vi.stubEnv("TWILIO_WHATSAPP_FROM", FAKE_WHATSAPP_FROM);
  vi.stubEnv("TWILIO_WHATSAPP_CONTENT", JSON.stringify(FAKE_WHATSAPP_CONTENT));
  handlers = jobHandlers({ sms: twilioProvider({ accountSid: FAKE_ACCOUNT_SID, authToken: FAKE_AUTH_TOKEN, apiBase: fake.base }) });
});
afterAll(async () => {
  await fake.close();
  await app.close();
  vi.unstubAllEnvs();
});

async function drain(storeId: string, at = new Date()) {
  for (let i = 0; i < 10; i++) if (!(await runDueJobs(handlers, { now: at, storeId }))) return;
}
const channel = (s: SeededStore, c: "SMS" | "WHATSAPP" | "WHATSAPP_THEN_SMS", whatsappFallbackMinutes = 10) =>
  updateSmsSettings(s.ctx(), smsSettingsInput.parse({ mode: "PLATFORM", senderName: "Tajer", channel: c, whatsappFallbackMinutes }));
const messagesOf = (s: SeededStore, orderId: string) =>
  db.smsMessage.findMany({ where: { storeId: s.store.id, orderId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 30));
  }
  return read();
}

describe("WhatsApp beside SMS", () => {
  it("a COD confirmation goes as the approved template with the order's variables and quick replies, reaches 'read', is priced, and a tap on Confirm answers it", async () => {
    const s = await seedStore();
    await channel(s, "WHATSAPP");
    await saveConfirmationSettings(s.ctx(), { ...DEFAULT_CONFIRMATION_SETTINGS, ask: "all_cod" });
    const phone = uniquePhone();
    const order = await seedOrder(s, { phone, name: "سارة" });
    const [queued] = await messagesOf(s, order.id);
    expect(queued.channel).toBe("WHATSAPP");
    expect(queued.contentSid).toBe(FAKE_WHATSAPP_CONTENT["order.confirm_cod"].ar);
    expect(queued.contentVariables).toMatchObject({ "1": "سارة", "2": `#${order.number}`, "3": s.store.name });
    // Estimated from the store's price table before it leaves; the provider's price is recorded beside it after.
    expect(queued.estimateMicros).toBe(15_700);
    await drain(s.store.id);
    const sent = fake.messages.find((m) => m.to === `whatsapp:${phone}`)!;
    expect(sent.from).toBe(FAKE_WHATSAPP_FROM);
    expect(sent.body).toContain(`#${order.number}`);
    expect(sent.body).toContain("/o/");
    expect(sent.buttons?.map((b) => b.id)).toEqual(["confirm", "cancel"]);
    const read = await until(
      () => db.smsMessage.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: queued.id } } }),
      (m) => m.status === "READ",
    );
    expect(read.status).toBe("READ");
    // Its price, as Twilio put it on the message, once the provider has had its last word.
    await drain(s.store.id, new Date(Date.now() + 60_000));
    const priced = await db.smsMessage.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: queued.id } } });
    expect([priced.priceMicros, priced.priceUnit, priced.segments]).toEqual([15_700, "USD", 1]);

    const tapped = await fake.inbound({ url: `${app.base}/api/webhooks/twilio/inbound`, from: `whatsapp:${phone}`, body: "تأكيد", buttonPayload: "confirm" });
    expect(tapped.status).toBe(200);
    const row = await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } });
    expect(row.confirmation).toBe("CONFIRMED");
    const event = await db.orderEvent.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id, type: "message.received" } });
    expect(event.data).toMatchObject({ channel: "whatsapp", intent: "confirm" });
  });

  it("free text only inside the 24 hours after the customer last wrote: refused with the reason before, sent after", async () => {
    const s = await seedStore();
    await channel(s, "WHATSAPP");
    const phone = uniquePhone();
    const order = await seedOrder(s, { phone, payment: { method: "card", status: "paid" } });
    await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
    await transitionOrder(s.ctx(), order.id, { to: "shipped", shipment: { courierName: "Ali" }, notifyCustomer: false });
    // "Returned" has no approved template, and the customer has not written: not sent, and why.
    await transitionOrder(s.ctx(), order.id, { to: "returned" });
    const [refused] = await messagesOf(s, order.id);
    expect([refused.event, refused.channel, refused.status]).toEqual(["order.returned", "WHATSAPP", "FAILED"]);
    expect(refused.error).toContain("24 hours");
    expect(await db.job.count({ where: { storeId: s.store.id, kind: "sms.send" } })).toBe(0);

    // The customer writes on WhatsApp: free text may answer for a day.
    await drain(s.store.id);
    await db.smsMessage.create({ data: { storeId: s.store.id, event: "routing", to: phone, body: "-", status: "SENT" } });
    await fake.inbound({ url: `${app.base}/api/webhooks/twilio/inbound`, from: `whatsapp:${phone}`, body: "متى يرجع المبلغ؟" });
    await transitionOrder(s.ctx(), order.id, { to: "refunded" });
    const refund = (await messagesOf(s, order.id)).find((m) => m.event === "order.refunded")!;
    expect([refund.channel, refund.contentSid]).toEqual(["WHATSAPP", null]);
    await drain(s.store.id);
    const sent = fake.messages.filter((m) => m.to === `whatsapp:${phone}`);
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toBe(refund.body);
    expect(
      (
        await until(
          () => db.smsMessage.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: refund.id } } }),
          (m) => m.status === "READ",
        )
      ).status,
    ).toBe("READ");
  });

  it("WhatsApp then SMS: a number without WhatsApp gets the SMS once; one delivered in time gets none; no template and no window goes by SMS at once", async () => {
    const s = await seedStore();
    await channel(s, "WHATSAPP_THEN_SMS", 5);
    const phone = uniquePhone();
    fake.noWhatsApp.add(phone);
    const order = await seedOrder(s, { phone });
    await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: true });
    await drain(s.store.id);
    const after = await until(
      () => messagesOf(s, order.id),
      (list) => list.some((m) => m.channel === "SMS"),
    );
    const [whatsapp, sms] = after;
    expect([whatsapp.channel, whatsapp.status, whatsapp.fallbackId]).toEqual(["WHATSAPP", "UNDELIVERED", sms.id]);
    expect(whatsapp.error).toContain("63003");
    expect([sms.channel, sms.body]).toEqual(["SMS", whatsapp.body]);
    expect(sms.estimateMicros).toBe(79_100 * Math.ceil(sms.body.length / (sms.body.length > 70 ? 67 : 70)));
    // The deadline passing as well changes nothing: one SMS.
    await drain(s.store.id, new Date(Date.now() + 6 * 60_000));
    expect((await messagesOf(s, order.id)).filter((m) => m.channel === "SMS")).toHaveLength(1);
    expect(fake.messages.filter((m) => m.to === phone)).toHaveLength(1);

    const reachable = uniquePhone();
    const second = await seedOrder(s, { phone: reachable });
    await transitionOrder(s.ctx(), second.id, { to: "in_progress", notifyCustomer: true });
    await drain(s.store.id);
    await until(
      () => messagesOf(s, second.id),
      (list) => list[0]?.status === "READ",
    );
    await drain(s.store.id, new Date(Date.now() + 6 * 60_000));
    expect((await messagesOf(s, second.id)).map((m) => m.channel)).toEqual(["WHATSAPP"]);

    // "Returned" has no template and the customer never wrote: straight to SMS.
    await transitionOrder(s.ctx(), second.id, { to: "shipped", shipment: { courierName: "Ali" }, notifyCustomer: false });
    await transitionOrder(s.ctx(), second.id, { to: "returned" });
    expect((await messagesOf(s, second.id)).map((m) => `${m.event}:${m.channel}`)).toEqual(["order.status_changed:WHATSAPP", "order.returned:SMS"]);
  });

  it("a person's own words: WhatsApp while the customer's window is open, else SMS where the store has it, else refused with the reason", async () => {
    const s = await seedStore();
    await channel(s, "WHATSAPP");
    const phone = uniquePhone();
    const order = await seedOrder(s, { phone });
    expect(await replyOptions(s.ctx(), order.id)).toMatchObject({ channel: null, off: false, windowEndsAt: null, prices: { smsPart: 79_100 } });
    await expect(replyToCustomer(s.ctx(), { orderId: order.id, text: "مرحبا" })).rejects.toMatchObject({
      code: "CONFLICT",
      say: { key: "whatsappWindowClosed" },
    });
    await channel(s, "WHATSAPP_THEN_SMS");
    expect(await replyToCustomer(s.ctx(), { orderId: order.id, text: "سنتصل بك" })).toMatchObject({ channel: "sms" });
    // The customer writes on WhatsApp: the answer goes there, for 24 hours.
    await db.smsMessage.create({ data: { storeId: s.store.id, event: "routing", to: phone, body: "-", status: "SENT" } });
    await fake.inbound({ url: `${app.base}/api/webhooks/twilio/inbound`, from: `whatsapp:${phone}`, body: "متى؟" });
    const options = await replyOptions(s.ctx(), order.id);
    expect(options.channel).toBe("whatsapp");
    expect(new Date(options.windowEndsAt!).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    const { messageId } = await replyToCustomer(s.ctx(), { orderId: order.id, text: "غدًا قبل الظهر" });
    await drain(s.store.id);
    expect(fake.messages.filter((m) => m.to === `whatsapp:${phone}`).map((m) => m.body)).toEqual(["غدًا قبل الظهر"]);
    const written = await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId: order.id, type: "message.sent" }, orderBy: { createdAt: "asc" } });
    expect(written.map((e) => [e.actorName, (e.data as { channel: string }).channel])).toEqual([
      [s.owner.name, "sms"],
      [s.owner.name, "whatsapp"],
    ]);
    expect(written[1].data).toMatchObject({ messageId });
    // Another store cannot write to this order.
    const other = await seedStore();
    await expect(replyToCustomer(other.ctx(), { orderId: order.id, text: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a customer's own channel goes before the store's, for the store's messages and a person's", async () => {
    const s = await seedStore();
    await channel(s, "SMS");
    const phone = uniquePhone();
    const order = await seedOrder(s, { phone });
    await setCustomerPreferences(s.ctx(), order.customer.id, { messagingChannel: "WHATSAPP" });
    await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: true });
    expect((await messagesOf(s, order.id)).map((m) => m.channel)).toEqual(["WHATSAPP"]);
    // WhatsApp alone, and no window: a person's words are refused for this customer even though the store sends SMS.
    await expect(replyToCustomer(s.ctx(), { orderId: order.id, text: "x" })).rejects.toMatchObject({ say: { key: "whatsappWindowClosed" } });
    await setCustomerPreferences(s.ctx(), order.customer.id, { messagingChannel: null });
    await channel(s, "WHATSAPP");
    await setCustomerPreferences(s.ctx(), order.customer.id, { messagingChannel: "SMS" });
    await transitionOrder(s.ctx(), order.id, { to: "canceled" });
    expect((await messagesOf(s, order.id)).map((m) => `${m.event}:${m.channel}`)).toEqual(["order.status_changed:WHATSAPP", "order.canceled:SMS"]);
    expect(await replyToCustomer(s.ctx(), { orderId: order.id, text: "y" })).toMatchObject({ channel: "sms" });
  });
});
