// Releasing an order held for review: a person decided, with the customer's risk in front of them.
import type { StoreContext } from "@/server/auth/context";
import { db } from "@/server/db/client";
import { AppError, notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { actorFields, orderEvent } from "./order-events";
import { visibleOrders } from "./order-scope";

/** Once: one conditional update decides between two people pressing it; the second is told it is released. */
export async function releaseHold(ctx: StoreContext, orderId: string): Promise<{ released: true }> {
  if (!isUuid(orderId)) throw notFound("Order");
  return db.$transaction(async (tx) => {
    const { count } = await tx.order.updateMany({
      where: { ...visibleOrders(ctx), id: orderId, heldAt: { not: null } },
      data: { heldAt: null, version: { increment: 1 } },
    });
    if (!count) {
      const exists = await tx.order.findFirst({ where: { ...visibleOrders(ctx), id: orderId }, select: { id: true } });
      if (!exists) throw notFound("Order");
      throw new AppError("CONFLICT", "This order is not held.", { say: { key: "orderNotHeld" } });
    }
    await tx.orderEvent.create({ data: { storeId: ctx.storeId, orderId, ...orderEvent("order.released", {}), ...actorFields(ctx.actor) } });
    return { released: true as const };
  });
}
