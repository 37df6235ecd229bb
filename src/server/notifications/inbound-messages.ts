// What customers write back, by SMS or WhatsApp, delivered by Twilio's signed webhook. A reply goes to
// the store that last wrote to that number (customers are per store: nothing is shared across stores),
// to the customer with that phone there, and to their order awaiting a confirmation, else their latest
// open order; it lands on that order's timeline and rings the person who has the order. A reply that
// answers a confirmation ("1", "نعم", "إلغاء", a WhatsApp quick reply…) answers it.
import { db } from "@/server/db/client";
import { answerConfirmationInTx } from "@/server/orders/cod-confirmation";
import { readReply } from "@/server/orders/confirmation-rules";
import { actorFields, orderEvent } from "@/server/orders/order-events";
import { isAppError } from "@/server/errors/app-error";
import { notification } from "./notification-types";
import { notifyUsers, orderAudience } from "./notify-users";

/** How long after Tajer last wrote to a number its replies are still routed to that store. */
const ROUTING_DAYS = 30;
const MAX_BODY = 1600;
const E164 = /^\+[1-9]\d{7,14}$/;

export type InboundResult =
  { recorded: false; reason: "unknown_sender" | "duplicate" } | { recorded: true; storeId: string; messageId: string; orderId: string | null };

/** Twilio's form fields for an incoming message (From, Body, MessageSid; WhatsApp adds ButtonPayload). */
export async function receiveInbound(params: Record<string, string>): Promise<InboundResult> {
  const whatsapp = (params.From ?? "").startsWith("whatsapp:");
  const phone = (params.From ?? "").replace(/^whatsapp:/, "");
  const sid = params.MessageSid ?? params.SmsSid ?? "";
  if (!E164.test(phone) || !sid) return { recorded: false, reason: "unknown_sender" };
  const body = (params.Body ?? "").slice(0, MAX_BODY);
  // A WhatsApp quick reply carries the button's payload beside its title.
  const intent = readReply(params.ButtonPayload ?? "") ?? readReply(body);

  const [route] = await db.$queryRaw<{ storeId: string }[]>`
    SELECT "storeId" FROM sms_messages WHERE "to" = ${phone} AND "createdAt" > now() - make_interval(days => ${ROUTING_DAYS})
    ORDER BY "createdAt" DESC LIMIT 1`;
  if (!route) return { recorded: false, reason: "unknown_sender" };
  const storeId = route.storeId;

  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { storeId_phone: { storeId, phone } }, select: { id: true, name: true } });
    // The order awaiting this customer's confirmation first; else their latest order still under way. Its row
    // lock is taken first, before the rows that point at it are written: two replies at once would otherwise
    // each hold a key-share lock from those inserts and wait on the other's to answer (a deadlock).
    const [order] = customer
      ? await tx.$queryRaw<{ id: string; number: number; assigneeId: string | null; awaiting: boolean }[]>`
          SELECT id, number, "assigneeId", confirmation IN ('AWAITING', 'UNANSWERED') AND status IN ('RECEIVED', 'IN_PROGRESS') AS awaiting
          FROM orders WHERE "storeId" = ${storeId}::uuid AND "customerId" = ${customer.id}::uuid
          ORDER BY (confirmation IN ('AWAITING', 'UNANSWERED') AND status IN ('RECEIVED', 'IN_PROGRESS')) IS TRUE DESC,
            (status NOT IN ('DELIVERED', 'CANCELED', 'RETURNED', 'REFUNDED')) DESC, "placedAt" DESC
          LIMIT 1 FOR UPDATE`
      : [];
    const inserted = await tx.inboundMessage.createManyAndReturn({
      data: [
        {
          storeId,
          channel: whatsapp ? "WHATSAPP" : "SMS",
          from: phone,
          body,
          providerSid: sid,
          customerId: customer?.id ?? null,
          orderId: order?.id ?? null,
          intent,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    // Twilio delivers a webhook again when it did not hear back in time: the message is recorded once.
    if (!inserted.length) return { recorded: false as const, reason: "duplicate" as const };
    const messageId = inserted[0].id;
    if (!order || !customer) return { recorded: true as const, storeId, messageId, orderId: null };

    const actor = { type: "CUSTOMER" as const, id: customer.id, name: customer.name };
    await tx.orderEvent.create({
      data: {
        storeId,
        orderId: order.id,
        ...orderEvent("message.received", { messageId, channel: whatsapp ? "whatsapp" : "sms", body, intent: order.awaiting ? intent : null }),
        ...actorFields(actor),
      },
    });
    let answered: "confirm" | "cancel" | null = null;
    if (order.awaiting && intent) {
      try {
        await tx.$executeRaw`SAVEPOINT answer`;
        await answerConfirmationInTx(tx, { storeId, orderId: order.id, answer: intent, via: "reply", actor });
        answered = intent;
      } catch (error) {
        // Too late to cancel by a reply (the parcel left meanwhile): the message stays for a person.
        if (!isAppError(error)) throw error;
        await tx.$executeRaw`ROLLBACK TO SAVEPOINT answer`;
      }
    }
    await notifyUsers(tx, {
      storeId,
      userIds: order.assigneeId ? [order.assigneeId] : await orderAudience(tx, storeId, null),
      orderId: order.id,
      ...notification("message.received", { number: order.number, customerName: customer.name, intent: answered }),
    });
    return { recorded: true as const, storeId, messageId, orderId: order.id };
  });
}
