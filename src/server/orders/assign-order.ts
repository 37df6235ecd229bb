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
    // The membership is held (FOR SHARE) until this commits: a removal from the team waits, then takes the order back.
    const [assignee] = userId
      ? await tx.$queryRaw<{ user: { id: string; name: string } }[]>`
          SELECT json_build_object('id', u.id, 'name', u.name) AS "user"
          FROM memberships m JOIN users u ON u.id = m."userId"
          WHERE m."storeId" = ${ctx.storeId}::uuid AND m."userId" = ${userId}::uuid FOR SHARE OF m`
      : [];
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
