import type { Tx } from "@/server/db/client";
import type { NotificationType } from "./notification-types";

export const LIVE_CHANNEL = "tajer_live";

/**
 * Writes notifications (`...notification(type, data)`, notification-types.ts) for these users inside the caller's transaction and announces them on the
 * live channel; Postgres delivers NOTIFY only if the transaction commits.
 */
export async function notifyUsers(
  tx: Tx,
  input: { storeId: string; userIds: string[]; orderId?: string } & { type: NotificationType; data: Record<string, unknown> },
) {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length) {
    await tx.notification.createMany({
      data: userIds.map((userId) => ({ storeId: input.storeId, userId, type: input.type, orderId: input.orderId ?? null, data: input.data as object })),
    });
  }
  await announce(tx, { storeId: input.storeId, userIds, type: input.type, orderId: input.orderId ?? null });
}

/** A small message on the live channel: who should look, and at what. The payload carries no secrets. */
export async function announce(tx: Tx, message: { storeId: string; userIds: string[]; type: string; orderId: string | null }) {
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`;
}

/** Everyone in the store who sees this order: all members but staff limited to other orders. */
export async function orderAudience(tx: Tx, storeId: string, assigneeId: string | null): Promise<string[]> {
  const members = await tx.membership.findMany({ where: { storeId }, select: { userId: true, onlyAssignedOrders: true } });
  return members.filter((m) => !m.onlyAssignedOrders || m.userId === assigneeId).map((m) => m.userId);
}
