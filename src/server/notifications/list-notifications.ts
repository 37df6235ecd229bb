import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";

import { parseNotification, type ParsedNotification } from "./notification-types";

/** A notification as the bell shows it: its type with that type's data (or "unknown"), read or not. */
export type NotificationDto = ParsedNotification & { id: string; orderId: string | null; read: boolean; createdAt: string };

function userOf(ctx: StoreContext) {
  if (ctx.actor.type !== "USER") throw new Error("notifications belong to users");
  return ctx.actor.id;
}

type Row = { id: string; type: string; orderId: string | null; data: unknown; readAt: Date | null; createdAt: Date; unread: number };

/**
 * The signed-in user's latest notifications in this store and how many are unread: one statement (it is in
 * every dashboard page's header). The count rides on each row; with no rows there is nothing unread either.
 */
export async function listNotifications(ctx: StoreContext, limit = 20): Promise<{ unread: number; items: NotificationDto[] }> {
  const userId = userOf(ctx);
  const rows = await db.$queryRaw<Row[]>`
    SELECT n.id, n.type, n."orderId", n.data, n."readAt", n."createdAt",
      (SELECT count(*)::int FROM notifications c WHERE c."storeId" = ${ctx.storeId}::uuid AND c."userId" = ${userId}::uuid AND c."readAt" IS NULL) AS unread
    FROM notifications n
    WHERE n."storeId" = ${ctx.storeId}::uuid AND n."userId" = ${userId}::uuid
    ORDER BY n."createdAt" DESC, n.id DESC
    LIMIT ${limit}`;
  return {
    unread: rows[0]?.unread ?? 0,
    items: rows.map((n) => ({
      ...parseNotification(n.type, n.data),
      id: n.id,
      orderId: n.orderId,
      read: !!n.readAt,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}

/** Marks some (or, without ids, all) of the user's notifications in this store as read. */
export async function markNotificationsRead(ctx: StoreContext, ids?: string[]) {
  await db.notification.updateMany({
    where: { storeId: ctx.storeId, userId: userOf(ctx), readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
}
