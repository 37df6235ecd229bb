import "server-only";
import { db } from "@/server/db/client";
import { notifyUsers } from "@/server/notifications/notify-users";
import { notification } from "@/server/notifications/notification-types";
import { lateReasonSql, storeKey, type LateReason } from "./late-rules";
import { queueEmail } from "@/server/email/emails";
import { translator } from "@/server/errors/words";
import { publicUrl } from "@/server/http/public-url";
import { wallClock } from "@/server/time/zoned";

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
      SELECT o.id, o.number, o."assigneeId", o.status::text AS status, ${lateReasonSql(storeKey(storeId))} AS reason
      FROM orders o
      WHERE o."storeId" = ${storeId}::uuid AND o.status IN ('RECEIVED', 'IN_PROGRESS', 'SHIPPED', 'OUT_FOR_DELIVERY')
        AND o."lateNotifiedFor" IS DISTINCT FROM o.status::text AND ${lateReasonSql(storeKey(storeId))} IS NOT NULL
      ORDER BY o."placedAt"
      LIMIT ${PER_ROUND}`;
    if (!late.length) continue;
    const managers = (await db.membership.findMany({ where: { storeId, role: { in: ["OWNER", "ADMIN"] } }, select: { userId: true } })).map((m) => m.userId);
    for (const order of late) {
      // Counted once committed: a transaction aborted by a write conflict runs again.
      const notified = await db.$transaction(async (tx) => {
        const claimed = await tx.$executeRaw`
          UPDATE orders SET "lateNotifiedFor" = status::text
          WHERE "storeId" = ${storeId}::uuid AND id = ${order.id}::uuid AND status::text = ${order.status} AND "lateNotifiedFor" IS DISTINCT FROM status::text`;
        if (!claimed) return false;
        await notifyUsers(tx, {
          storeId,
          userIds: order.assigneeId ? [order.assigneeId] : managers,
          orderId: order.id,
          ...notification("order.late", { number: order.number, reason: order.reason }),
        });
        return true;
      });
      if (notified) told++;
    }
  }
  return told;
}

/** The hour of the store's own morning after which its owners get the day's digest. */
export const DIGEST_HOUR = 8;
const DIGEST_LINES = 20;

/**
 * Each morning (from 08:00 on the store's clock), the owners of a store with late orders get one email:
 * how many, the oldest twenty with why, and the list's late view. Once a day per store: the day is
 * claimed by a conditional update of `stores.lateDigestOn`, so two workers send one.
 */
export async function sendLateDigests(now = new Date()): Promise<number> {
  const stores = await db.store.findMany({ select: { id: true, slug: true, name: true, locale: true, timeZone: true, lateDigestOn: true } });
  let sent = 0;
  for (const store of stores) {
    const clock = wallClock(now, store.timeZone);
    const today = `${clock.year}-${String(clock.month).padStart(2, "0")}-${String(clock.day).padStart(2, "0")}`;
    if (clock.hour < DIGEST_HOUR || store.lateDigestOn === today) continue;
    sent += await db.$transaction(async (tx) => {
      const claimed = await tx.$executeRaw`
        UPDATE stores SET "lateDigestOn" = ${today} WHERE id = ${store.id}::uuid AND ("lateDigestOn" IS NULL OR "lateDigestOn" < ${today})`;
      if (!claimed) return 0;
      const late = await tx.$queryRaw<{ number: number; reason: LateReason; count: number }[]>`
        SELECT o.number, ${lateReasonSql(storeKey(store.id))} AS reason, count(*) OVER ()::int AS count
        FROM orders o
        WHERE o."storeId" = ${store.id}::uuid AND o.status IN ('RECEIVED', 'IN_PROGRESS', 'SHIPPED', 'OUT_FOR_DELIVERY') AND ${lateReasonSql(storeKey(store.id))} IS NOT NULL
        ORDER BY o."placedAt"
        LIMIT ${DIGEST_LINES}`;
      if (!late.length) return 0;
      const owners = await tx.membership.findMany({ where: { storeId: store.id, role: "OWNER" }, select: { user: { select: { email: true } } } });
      const locale = store.locale === "en" ? "en" : "ar";
      const t = translator(locale);
      const lines = late.map((o) => `#${o.number} — ${t(`late.reasons.${o.reason}`)}`).join("\n");
      for (const owner of owners)
        await queueEmail(
          tx,
          owner.user.email,
          { kind: "lateDigest", store: store.name, count: late[0].count, lines, link: `${publicUrl()}/s/${store.slug}/orders?late=1` },
          locale,
        );
      return owners.length;
    });
  }
  return sent;
}
