import type { Tx } from "@/server/db/client";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import type { OrderStatus } from "@/server/orders/order-status";
import { customerOrderUrl } from "@/server/orders/customer-view";
import { composeCustomerSms, type SmsEvent } from "./sms-templates";

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
    select: { name: true, locale: true, smsMode: true, smsTemplates: true, webhookUrl: true },
  });
  if (store.smsMode === "OFF") return;
  const order = await tx.order.findUniqueOrThrow({
    where: { storeId_id: { storeId: message.storeId, id: message.orderId } },
    select: { number: true, customerName: true, customerPhone: true, publicToken: true, customer: { select: { locale: true } } },
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
  const body = composeCustomerSms({
    store: { ...store, locale: order.customer.locale ?? store.locale },
    order,
    event: message.event,
    status: message.vars.status,
    note: message.vars.note,
    trackingUrl: message.vars.tracking_url,
    orderUrl: customerOrderUrl(order.publicToken),
    amount: message.vars.amount,
  });
  const sms = await tx.smsMessage.create({
    data: { storeId: message.storeId, orderId: message.orderId, event: message.event, to: order.customerPhone, body },
    select: { id: true },
  });
  await enqueueJob(tx, "sms.send", { storeId: message.storeId, smsId: sms.id }, { storeId: message.storeId });
}
