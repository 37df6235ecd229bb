// A person answers the customer from the order page, in their own words: by WhatsApp while the customer's
// 24-hour window is open, else by SMS where the store has SMS; on WhatsApp alone with the window closed it is
// refused, saying why. The message leaves through the job queue like every other, and the timeline says who wrote.
import { z } from "zod";
import { db, type Tx } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, notFound } from "@/server/errors/app-error";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { isUuid } from "@/server/ids";
import { actorFields, orderEvent } from "@/server/orders/order-events";
import { visibleOrdersSql } from "@/server/orders/order-queries";
import { SESSION_WINDOW_MS, replyChannel } from "./whatsapp";
import { estimateMicros, readMessagePrices, type MessagePrices } from "./message-prices";

export const staffReplyInput = z.strictObject({ orderId: z.uuid(), text: z.string().trim().min(1).max(1000) });

type Facts = {
  id: string;
  phone: string;
  mode: string;
  channel: "SMS" | "WHATSAPP" | "WHATSAPP_THEN_SMS";
  fallbackMinutes: number;
  prices: unknown;
  lastInbound: Date | null;
};

async function facts(client: Tx | typeof db, ctx: StoreContext, orderId: string): Promise<Facts | null> {
  if (!isUuid(orderId)) return null;
  const [row] = await client.$queryRaw<Facts[]>`
    SELECT o.id, o."customerPhone" AS phone, s."smsMode" AS mode, COALESCE(c."messagingChannel"::text, s."messagingChannel") AS channel, s."whatsappFallbackMinutes" AS "fallbackMinutes", s."messagePrices" AS prices,
      (SELECT max(m."receivedAt") FROM inbound_messages m WHERE m."storeId" = ${ctx.storeId}::uuid AND m."from" = o."customerPhone" AND m.channel = 'WHATSAPP') AS "lastInbound"
    FROM orders o JOIN stores s ON s.id = o."storeId" JOIN customers c ON c."storeId" = o."storeId" AND c.id = o."customerId"
    WHERE ${visibleOrdersSql(ctx)} AND o.id = ${orderId}::uuid`;
  return row ?? null;
}

/** `prices`: the store's table, for the form's estimate as the person types. */
export type ReplyOptions = { channel: "sms" | "whatsapp" | null; off: boolean; windowEndsAt: string | null; prices: MessagePrices };

/** What the order page's reply form says: the channel a message would take now, and until when WhatsApp's window is open. */
export async function replyOptions(ctx: StoreContext, orderId: string, now = new Date()): Promise<ReplyOptions> {
  const f = await facts(db, ctx, orderId);
  if (!f) throw notFound("Order");
  const open = f.lastInbound && now.getTime() - f.lastInbound.getTime() < SESSION_WINDOW_MS ? new Date(f.lastInbound.getTime() + SESSION_WINDOW_MS) : null;
  return {
    channel: replyChannel(f.channel, f.lastInbound, now),
    off: f.mode !== "PLATFORM",
    windowEndsAt: open?.toISOString() ?? null,
    prices: readMessagePrices(f.prices),
  };
}

export async function replyToCustomer(ctx: StoreContext, input: z.output<typeof staffReplyInput>): Promise<{ messageId: string; channel: "sms" | "whatsapp" }> {
  return db.$transaction(async (tx) => {
    const f = await facts(tx, ctx, input.orderId);
    if (!f) throw notFound("Order");
    if (f.mode !== "PLATFORM") throw new AppError("CONFLICT", "This store does not send messages through Tajer.", { say: { key: "messagesOff" } });
    const channel = replyChannel(f.channel, f.lastInbound, new Date());
    if (!channel)
      throw new AppError("CONFLICT", "WhatsApp allows free text only within 24 hours of the customer's last message, and this store sends no SMS.", {
        say: { key: "whatsappWindowClosed" },
      });
    const message = await tx.smsMessage.create({
      data: {
        storeId: ctx.storeId,
        orderId: f.id,
        event: "staff.reply",
        to: f.phone,
        body: input.text,
        channel: channel === "whatsapp" ? "WHATSAPP" : "SMS",
        estimateMicros: estimateMicros({ channel: channel === "whatsapp" ? "WHATSAPP" : "SMS", body: input.text }, readMessagePrices(f.prices)),
      },
      select: { id: true },
    });
    await tx.orderEvent.create({
      data: { storeId: ctx.storeId, orderId: f.id, ...orderEvent("message.sent", { messageId: message.id, channel }), ...actorFields(ctx.actor) },
    });
    await enqueueJob(tx, "sms.send", { storeId: ctx.storeId, smsId: message.id }, { storeId: ctx.storeId });
    if (channel === "whatsapp" && f.channel === "WHATSAPP_THEN_SMS")
      await enqueueJob(
        tx,
        "message.fallback",
        { storeId: ctx.storeId, smsId: message.id },
        { storeId: ctx.storeId, runAt: new Date(Date.now() + f.fallbackMinutes * 60_000) },
      );
    return { messageId: message.id, channel };
  });
}
