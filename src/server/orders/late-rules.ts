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

/** A rule's number from the order's store's document (one indexed read per statement), its default if unset. */
const rule = (key: keyof Omit<LateRules, "carrierDays">) =>
  Prisma.sql`COALESCE((SELECT (st."lateRules"->>${key})::int FROM stores st WHERE st.id = o."storeId"), ${DEFAULT_LATE_RULES[key]}::int)`;

/**
 * Why the order `o` is late now, as SQL (null: on time). Computed from its milestones: the statuses'
 * timestamps and its live shipment — nothing is stored that could fall behind a change.
 */
export const lateReasonSql = Prisma.sql`(CASE
  WHEN o.status = 'RECEIVED' AND o."confirmationDueAt" IS NOT NULL AND o."confirmationDueAt" < now() THEN 'unconfirmed'
  WHEN o.status = 'RECEIVED' AND o."placedAt" < now() - make_interval(hours => ${rule("receivedHours")}) THEN 'not_started'
  WHEN o.status = 'IN_PROGRESS' AND o."inProgressAt" < now() - make_interval(hours => ${rule("inProgressHours")}) THEN 'not_shipped'
  WHEN o.status = 'SHIPPED' AND EXISTS (
      SELECT 1 FROM shipments sh WHERE sh."storeId" = o."storeId" AND sh."orderId" = o.id AND sh.status = 'CREATED'
        AND sh."createdAt" < now() - make_interval(hours => ${rule("labelPickupHours")})) THEN 'not_picked_up'
  WHEN o.status IN ('SHIPPED', 'OUT_FOR_DELIVERY') AND o."shippedAt" < now() - make_interval(days => COALESCE(
      (SELECT (st."lateRules"->'carrierDays'->>sh.carrier)::int FROM shipments sh JOIN stores st ON st.id = sh."storeId"
        WHERE sh."storeId" = o."storeId" AND sh."orderId" = o.id AND sh.carrier IS NOT NULL AND sh."voidedAt" IS NULL
        ORDER BY sh."createdAt" DESC LIMIT 1),
      ${rule("shippedDays")})) THEN 'not_delivered'
  ELSE NULL END)`;

/** Orders late now (the list's "Late" filter, a person's work, the sweep that tells people). */
export const lateSql = Prisma.sql`${lateReasonSql} IS NOT NULL`;
