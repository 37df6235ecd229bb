import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { getOrder } from "./get-order";

export type OrderEventDto = {
  id: string;
  type: string;
  actor: { type: string; id: string | null; name: string | null };
  data: Record<string, unknown>;
  createdAt: string;
};

export type SmsDto = {
  id: string;
  event: string;
  to: string;
  body: string;
  status: string;
  error: string | null;
  createdAt: string;
  channel: "sms" | "whatsapp";
  /** What the provider charged: millionths of `unit`. */
  price: { micros: number; unit: string } | null;
  /** What the store's price table said it would cost (millionths of its unit, USD). */
  estimate: number | null;
};

/** The order's timeline, newest first, and the SMS sent about it with their delivery status. */
export async function listOrderEvents(ctx: StoreContext, unverifiedOrderId: string): Promise<{ events: OrderEventDto[]; sms: SmsDto[] }> {
  const order = await getOrder(ctx, unverifiedOrderId);
  const [events, sms] = await Promise.all([
    db.orderEvent.findMany({ where: { storeId: ctx.storeId, orderId: order.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500 }),
    db.smsMessage.findMany({ where: { storeId: ctx.storeId, orderId: order.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
  ]);
  return {
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      actor: { type: e.actorType, id: e.actorId, name: e.actorName },
      data: (e.data ?? {}) as Record<string, unknown>,
      createdAt: e.createdAt.toISOString(),
    })),
    sms: sms.map((m) => ({
      id: m.id,
      event: m.event,
      to: m.to,
      body: m.body,
      status: m.status.toLowerCase(),
      error: m.error,
      createdAt: m.createdAt.toISOString(),
      channel: m.channel === "WHATSAPP" ? ("whatsapp" as const) : ("sms" as const),
      price: m.priceMicros !== null && m.priceUnit ? { micros: m.priceMicros, unit: m.priceUnit } : null,
      estimate: m.estimateMicros,
    })),
  };
}
