import "server-only";
import { db } from "@/server/db/client";
import { notifyUsers } from "@/server/notifications/notify-users";
import { notification } from "@/server/notifications/notification-types";
import { lateReasonSql, type LateReason } from "./late-rules";

/** At most this many orders are told of per store and round; the next round takes the rest. */
const PER_ROUND = 200;

/**
 * Tells people of orders that became late: the assignee, or the store's owners and admins when nobody
 * has it; once per milestone (`lateNotifiedFor` holds the status it was late at — a move to the next
 * milestone can make it late, and told, again). Each order is claimed by a conditional update, so two
 * workers running the sweep at once tell once.
 */
export async function notifyLateOrders(): Promise<number> {
  const stores = await db.store.findMany({ select: { id: true } });
  let told = 0;
  for (const { id: storeId } of stores) {
    const late = await db.$queryRaw<{ id: string; number: number; assigneeId: string | null; status: string; reason: LateReason }[]>`
      SELECT o.id, o.number, o."assigneeId", o.status::text AS status, ${lateReasonSql} AS reason
      FROM orders o
      WHERE o."storeId" = ${storeId}::uuid AND o.status IN ('RECEIVED', 'IN_PROGRESS', 'SHIPPED', 'OUT_FOR_DELIVERY')
        AND o."lateNotifiedFor" IS DISTINCT FROM o.status::text AND ${lateReasonSql} IS NOT NULL
      ORDER BY o."placedAt"
      LIMIT ${PER_ROUND}`;
    if (!late.length) continue;
    const managers = (await db.membership.findMany({ where: { storeId, role: { in: ["OWNER", "ADMIN"] } }, select: { userId: true } })).map((m) => m.userId);
    for (const order of late) {
      await db.$transaction(async (tx) => {
        const claimed = await tx.$executeRaw`
          UPDATE orders SET "lateNotifiedFor" = status::text
          WHERE "storeId" = ${storeId}::uuid AND id = ${order.id}::uuid AND status::text = ${order.status} AND "lateNotifiedFor" IS DISTINCT FROM status::text`;
        if (!claimed) return;
        await notifyUsers(tx, {
          storeId,
          userIds: order.assigneeId ? [order.assigneeId] : managers,
          orderId: order.id,
          ...notification("order.late", { number: order.number, reason: order.reason }),
        });
        told++;
      });
    }
  }
  return told;
}
