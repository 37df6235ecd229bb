import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";

import { parseNotification, type ParsedNotification } from "./notification-types";

/** A notification as the bell shows it: its type with that type's data (or "unknown"), read or not. */
export type NotificationDto = ParsedNotification & { id: string; orderId: string | null; read: boolean; createdAt: string };

function userOf(ctx: StoreContext) {
  if (ctx.actor.type !== "USER") throw new Error("notifications belong to users");
  return ctx.actor.id;
}

/** The signed-in user's latest notifications in this store and how many are unread. */
export async function listNotifications(ctx: StoreContext, limit = 20): Promise<{ unread: number; items: NotificationDto[] }> {
  const userId = userOf(ctx);
  const [unread, rows] = await Promise.all([
    db.notification.count({ where: { storeId: ctx.storeId, userId, readAt: null } }),
    db.notification.findMany({ where: { storeId: ctx.storeId, userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }),
  ]);
  return {
    unread,
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
