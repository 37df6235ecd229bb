import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { CARRIER_IDS } from "@/server/shipping/carriers";

/**
 * When an order is late, by the milestone it waits at (Settings → Shipping → Late orders, one JSON document
 * per store, defaults filled in): received and not started, in progress and not shipped, a label the
 * carrier has not picked up, shipped and not delivered (per carrier), and cash on delivery unconfirmed
 * past its deadline (the confirmation's own rule).
 */
export const lateRulesSchema = z.strictObject({
  receivedHours: z.number().int().min(1).max(720).default(12),
  inProgressHours: z.number().int().min(1).max(720).default(24),
  labelPickupHours: z.number().int().min(1).max(720).default(24),
  shippedDays: z.number().int().min(1).max(60).default(5),
  carrierDays: z.partialRecord(z.enum(CARRIER_IDS), z.number().int().min(1).max(60)).default({}),
});
export type LateRules = z.output<typeof lateRulesSchema>;
export const DEFAULT_LATE_RULES: LateRules = lateRulesSchema.parse({});

export function readLateRules(json: unknown): LateRules {
  const parsed = lateRulesSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : DEFAULT_LATE_RULES;
}

export async function getLateRules(ctx: Pick<StoreContext, "storeId">): Promise<LateRules> {
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { lateRules: true } });
  return readLateRules(store.lateRules);
}

/** Replaced whole (the form shows every rule). */
export async function saveLateRules(ctx: StoreContext, input: LateRules): Promise<LateRules> {
  await db.store.update({ where: { id: ctx.storeId }, data: { lateRules: input as unknown as Prisma.InputJsonObject } });
  return input;
}

export { LATE_REASONS, type LateReason } from "./late-reasons";

// `store` below is the order's store as SQL, its id as a parameter (`storeKey`): every statement using these
// fragments is about one store (the late sweep goes store by store), and a sharded database then sends every
// subquery to that store's shard. A subquery tied to its outer row by `o."storeId"` alone asks every shard.

/** A rule's number from the order's store's document (one indexed read per statement), its default if unset. */
const rule = (store: Prisma.Sql, key: keyof Omit<LateRules, "carrierDays">) =>
  Prisma.sql`COALESCE((SELECT (st."lateRules"->>${key})::int FROM stores st WHERE st.id = ${store}), ${DEFAULT_LATE_RULES[key]}::int)`;

/** The order's branch's opening hours (the store's default branch when it has none yet). */
const branchWeek = (store: Prisma.Sql) => Prisma.sql`(SELECT b."workingHours" FROM branches b WHERE b."storeId" = ${store}
  AND b.id = COALESCE(o."branchId", (SELECT d.id FROM branches d WHERE d."storeId" = ${store} AND d."isDefault" LIMIT 1)))`;
const storeZone = (store: Prisma.Sql) => Prisma.sql`(SELECT st."timeZone" FROM stores st WHERE st.id = ${store})`;

/**
 * Whether `milestone` is more than the rule's hours of the branch's working time ago (calendar hours for a
 * branch whose hours were never set). Working time is never more than calendar time, so the plain
 * comparison goes first: orders on time by the calendar never reach the function.
 */
const pastWorkingHours = (store: Prisma.Sql, milestone: Prisma.Sql, key: keyof Omit<LateRules, "carrierDays" | "shippedDays">) =>
  Prisma.sql`(${milestone} < now() - make_interval(hours => ${rule(store, key)})
    AND ${milestone} < tajer_working_hours_before(now(), ${rule(store, key)}, ${branchWeek(store)}, ${storeZone(store)}))`;

/**
 * Why the order `o` is late now, as SQL (null: on time). Computed from its milestones: the statuses'
 * timestamps and its live shipment — nothing is stored that could fall behind a change. Hours count the
 * branch's working hours on the store's clock; days to delivery are the carrier's calendar days.
 */
export const lateReasonSql = (store: Prisma.Sql) => Prisma.sql`(CASE
  WHEN o.status = 'RECEIVED' AND o."confirmationDueAt" IS NOT NULL AND o."confirmationDueAt" < now() THEN 'unconfirmed'
  WHEN o.status = 'RECEIVED' AND ${pastWorkingHours(store, Prisma.sql`o."placedAt"`, "receivedHours")} THEN 'not_started'
  WHEN o.status = 'IN_PROGRESS' AND ${pastWorkingHours(store, Prisma.sql`o."inProgressAt"`, "inProgressHours")} THEN 'not_shipped'
  WHEN o.status = 'SHIPPED' AND EXISTS (
      SELECT 1 FROM shipments sh WHERE sh."storeId" = ${store} AND sh."orderId" = o.id AND sh.status = 'CREATED'
        AND ${pastWorkingHours(store, Prisma.sql`sh."createdAt"`, "labelPickupHours")}) THEN 'not_picked_up'
  WHEN o.status IN ('SHIPPED', 'OUT_FOR_DELIVERY') AND o."shippedAt" < now() - make_interval(days => COALESCE(
      (SELECT (st."lateRules"->'carrierDays'->>sh.carrier)::int FROM shipments sh JOIN stores st ON st.id = sh."storeId"
        WHERE sh."storeId" = ${store} AND sh."orderId" = o.id AND sh.carrier IS NOT NULL AND sh."voidedAt" IS NULL
        ORDER BY sh."createdAt" DESC LIMIT 1),
      ${rule(store, "shippedDays")})) THEN 'not_delivered'
  ELSE NULL END)`;

/** Orders late now (the list's "Late" filter, a person's work, the sweep that tells people). */
export const lateSql = (store: Prisma.Sql) => Prisma.sql`${lateReasonSql(store)} IS NOT NULL`;

/** One store's id as the `store` of the fragments above and of any subquery in a statement about that store. */
export const storeKey = (storeId: string) => Prisma.sql`${storeId}::uuid`;
