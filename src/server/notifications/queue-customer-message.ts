import type { Tx } from "@/server/db/client";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import type { OrderStatus } from "@/server/orders/order-status";
import { customerOrderUrl } from "@/server/orders/customer-view";
import { composeCustomerSms, messageVars, type SmsEvent } from "./sms-templates";
import { contentSidFor, insideSessionWindow, templateVariables } from "./whatsapp";
import { estimateMicros, readMessagePrices } from "./message-prices";
import { settings } from "@/server/settings";

type Message = {
  storeId: string;
  orderId: string;
  event: SmsEvent;
  vars: { status: OrderStatus; note: string; tracking_url: string; amount?: { minor: number; currency: string } };
};

/**
 * Inside the transaction that changes the order: records the SMS to send (platform SMS) or the
 * webhook to deliver (the store's own provider) and queues it, so it leaves only after commit and is
 * never lost.
 */
export async function queueCustomerMessage(tx: Tx, message: Message) {
  const store = await tx.store.findUniqueOrThrow({
    where: { id: message.storeId },
    select: {
      name: true,
      locale: true,
      smsMode: true,
      smsTemplates: true,
      webhookUrl: true,
      messagingChannel: true,
      whatsappFallbackMinutes: true,
      messagePrices: true,
    },
  });
  if (store.smsMode === "OFF") return;
  const order = await tx.order.findUniqueOrThrow({
    where: { storeId_id: { storeId: message.storeId, id: message.orderId } },
    select: { number: true, customerName: true, customerPhone: true, publicToken: true, customer: { select: { locale: true, messagingChannel: true } } },
  });
  if (store.smsMode === "OWN_PROVIDER") {
    if (!store.webhookUrl) return;
    await enqueueJob(
      tx,
      "webhook.deliver",
      {
        storeId: message.storeId,
        event: "order.status_changed",
        body: {
          event: "order.status_changed",
          orderId: message.orderId,
          orderNumber: order.number,
          status: message.vars.status,
          customer: { name: order.customerName, phone: order.customerPhone },
          note: message.vars.note || null,
          trackingUrl: message.vars.tracking_url || null,
          ...(message.vars.amount ? { refund: { amount: message.vars.amount.minor, currency: message.vars.amount.currency } } : {}),
          message: message.event,
          orderUrl: customerOrderUrl(order.publicToken),
          occurredAt: new Date().toISOString(),
        },
      },
      { storeId: message.storeId },
    );
    return;
  }
  const input = {
    store: { ...store, locale: order.customer.locale ?? store.locale },
    order,
    event: message.event,
    status: message.vars.status,
    note: message.vars.note,
    trackingUrl: message.vars.tracking_url,
    orderUrl: customerOrderUrl(order.publicToken),
    amount: message.vars.amount,
  };
  const body = composeCustomerSms(input);
  const base = { storeId: message.storeId, orderId: message.orderId, event: message.event, to: order.customerPhone, body };
  const prices = readMessagePrices(store.messagePrices);

  // The customer's own choice of channel, where the store set one for them.
  const channel = order.customer.messagingChannel ?? store.messagingChannel;
  const whatsapp = channel === "SMS" ? null : await whatsappRoute(tx, message.storeId, order.customerPhone, input);
  if (whatsapp?.send) {
    const sent = await tx.smsMessage.create({
      data: {
        ...base,
        channel: "WHATSAPP",
        ...whatsapp.send,
        estimateMicros: estimateMicros({ channel: "WHATSAPP", body, contentSid: whatsapp.send.contentSid }, prices),
      },
      select: { id: true },
    });
    await enqueueJob(tx, "sms.send", { storeId: message.storeId, smsId: sent.id }, { storeId: message.storeId });
    // With SMS behind it: if WhatsApp has not said "delivered" by then, the SMS goes.
    if (channel === "WHATSAPP_THEN_SMS")
      await enqueueJob(
        tx,
        "message.fallback",
        { storeId: message.storeId, smsId: sent.id },
        { storeId: message.storeId, runAt: new Date(Date.now() + store.whatsappFallbackMinutes * 60_000) },
      );
    return;
  }
  if (whatsapp && channel === "WHATSAPP") {
    // WhatsApp only, and WhatsApp may not carry this message: it is recorded as not sent, with the reason.
    await tx.smsMessage.create({ data: { ...base, channel: "WHATSAPP", status: "FAILED", error: whatsapp.refused } });
    return;
  }
  const sms = await tx.smsMessage.create({ data: { ...base, estimateMicros: estimateMicros({ channel: "SMS", body }, prices) }, select: { id: true } });
  await enqueueJob(tx, "sms.send", { storeId: message.storeId, smsId: sms.id }, { storeId: message.storeId });
}

/**
 * How this message may go by WhatsApp: an approved template (any time), or free text inside the 24 hours
 * after the customer last wrote on WhatsApp; otherwise why it may not.
 */
async function whatsappRoute(
  tx: Tx,
  storeId: string,
  phone: string,
  input: Parameters<typeof composeCustomerSms>[0],
): Promise<{ send: { contentSid: string | null; contentVariables?: Record<string, string> }; refused?: never } | { send?: never; refused: string }> {
  const { locale, vars } = messageVars(input);
  const contentSid = contentSidFor(input.event, locale, settings().TWILIO_WHATSAPP_CONTENT);
  if (contentSid)
    return {
      send: {
        contentSid,
        contentVariables: templateVariables({
          customerName: vars.customer_name,
          orderNumber: vars.order_number,
          storeName: vars.store_name,
          status: vars.status,
          amount: vars.amount,
          orderUrl: vars.order_url,
        }),
      },
    };
  const last = await tx.inboundMessage.findFirst({
    where: { storeId, from: phone, channel: "WHATSAPP" },
    orderBy: { receivedAt: "desc" },
    select: { receivedAt: true },
  });
  if (insideSessionWindow(last?.receivedAt ?? null, new Date())) return { send: { contentSid: null } };
  return { refused: "WhatsApp: no approved template for this message, and the customer has not written in the last 24 hours" };
}
