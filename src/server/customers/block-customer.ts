import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { notFound } from "@/server/errors/app-error";
import { actorFields, orderEvent } from "@/server/orders/order-events";
import { isUuid } from "@/server/ids";

/**
 * Blocks (reason given) or unblocks a customer. Their open orders' timelines record it; their next
 * orders are refused at intake.
 */
export async function setCustomerBlocked(ctx: StoreContext, unverifiedCustomerId: string, blocked: { reason: string } | null) {
  if (!isUuid(unverifiedCustomerId)) throw notFound("Customer");
  return db.$transaction(async (tx) => {
    const { count } = await tx.customer.updateMany({
      where: { storeId: ctx.storeId, id: unverifiedCustomerId },
      data: blocked
        ? { blockedAt: new Date(), blockedReason: blocked.reason, blockedById: ctx.actor.type === "USER" ? ctx.actor.id : null }
        : { blockedAt: null, blockedReason: null, blockedById: null },
    });
    if (!count) throw notFound("Customer");
    const open = await tx.order.findMany({
      where: { storeId: ctx.storeId, customerId: unverifiedCustomerId, status: { in: ["RECEIVED", "IN_PROGRESS", "SHIPPED", "OUT_FOR_DELIVERY"] } },
      select: { id: true },
    });
    if (open.length) {
      await tx.orderEvent.createMany({
        data: open.map((o) => ({
          storeId: ctx.storeId,
          orderId: o.id,
          ...(blocked ? orderEvent("customer.blocked", { reason: blocked.reason }) : orderEvent("customer.unblocked", {})),
          ...actorFields(ctx.actor),
        })),
      });
    }
  });
}
