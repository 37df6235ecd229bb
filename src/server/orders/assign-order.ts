import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue, notFound } from "@/server/errors/app-error";
import { notifyUsers } from "@/server/notifications/notify-users";
import { notification } from "@/server/notifications/notification-types";
import { actorFields, orderEvent } from "./order-events";
import { visibleOrders } from "./order-scope";

/** Assigns an order to a member of the store (or to nobody); the assignee is notified. */
export async function assignOrder(ctx: StoreContext, unverifiedOrderId: string, userId: string | null) {
  return db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({ where: { ...visibleOrders(ctx), id: unverifiedOrderId }, select: { id: true, number: true, assigneeId: true } });
    if (!order) throw notFound("Order");
    const assignee = userId
      ? await tx.membership.findUnique({ where: { storeId_userId: { storeId: ctx.storeId, userId } }, select: { user: { select: { id: true, name: true } } } })
      : null;
    if (userId && !assignee)
      throw new AppError("VALIDATION_FAILED", "That person is not a member of this store.", {
        say: { key: "notMember" },
        fields: { userId: issue("notMember") },
      });
    if (order.assigneeId === userId) return;
    await tx.order.update({ where: { storeId_id: { storeId: ctx.storeId, id: order.id } }, data: { assigneeId: userId, version: { increment: 1 } } });
    await tx.orderEvent.create({
      data: {
        storeId: ctx.storeId,
        orderId: order.id,
        ...orderEvent("order.assigned", { assigneeId: userId, assigneeName: assignee?.user.name ?? null }),
        ...actorFields(ctx.actor),
      },
    });
    if (userId && !(ctx.actor.type === "USER" && ctx.actor.id === userId)) {
      await notifyUsers(tx, {
        storeId: ctx.storeId,
        userIds: [userId],
        orderId: order.id,
        ...notification("order.assigned", { number: order.number, by: ctx.actor.name }),
      });
    }
  });
}
