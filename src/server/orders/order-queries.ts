import { lateReasonSql, storeKey, type LateReason } from "./late-rules";
import { Prisma } from "@/generated/prisma/client";
import type {
  ConfirmationState as DbConfirmationState,
  OrderStatus as DbOrderStatus,
  PaymentMethod as DbPaymentMethod,
  PaymentStatus as DbPaymentStatus,
} from "@/generated/prisma/enums";
import type { StoreContext } from "@/server/auth/context";
import type { Db, Tx } from "@/server/db/client";

// The order reads on every busy path (the list, the detail, the order a transition returns), each one
// statement: the order's row with its tags (and items) aggregated beside it. Through the ORM these were
// three round trips each, and round trips were most of their cost (docs/scaling.md).

/** The orders a context may see, as SQL: its store's; staff limited to their own, only those assigned to them. */
export function visibleOrdersSql(ctx: StoreContext): Prisma.Sql {
  if (!ctx.onlyAssigned) return Prisma.sql`o."storeId" = ${ctx.storeId}::uuid`;
  if (ctx.actor.type !== "USER") return Prisma.sql`false`;
  return Prisma.sql`o."storeId" = ${ctx.storeId}::uuid AND o."assigneeId" = ${ctx.actor.id}::uuid`;
}

// Every subquery names the store by its id, not through `o."storeId"`: on the sharded database that keeps the
// statement on the store's shard (late-rules.ts).
const TAGS = (store: Prisma.Sql) =>
  Prisma.sql`COALESCE((SELECT array_agg(t.name) FROM order_tags ot JOIN tags t ON t."storeId" = ot."storeId" AND t.id = ot."tagId" WHERE ot."storeId" = ${store} AND ot."orderId" = o.id), '{}') AS tags`;

const SUMMARY_COLUMNS = (
  store: Prisma.Sql,
) => Prisma.sql`o.id, o.number, o.status::text AS status, o."placedAt", o."customerId", o."customerName", o."customerPhone",
  o."paymentMethod"::text AS "paymentMethod", o."paymentStatus"::text AS "paymentStatus", o.currency, o.total, o."itemsCount", o."branchId", o."shippingCity",
  o.confirmation::text AS confirmation, o."confirmationDueAt", o."heldAt", o."riskScore", o."riskBand", o."riskReasons",
  ${lateReasonSql(store)} AS "lateReason"`;

export type OrderSummaryRow = {
  id: string;
  number: number;
  status: DbOrderStatus;
  placedAt: Date;
  customerId: string;
  customerName: string;
  customerPhone: string;
  paymentMethod: DbPaymentMethod;
  paymentStatus: DbPaymentStatus;
  currency: string;
  total: number;
  itemsCount: number;
  branchId: string | null;
  shippingCity: string;
  confirmation: DbConfirmationState | null;
  confirmationDueAt: Date | null;
  heldAt: Date | null;
  riskScore: number | null;
  riskBand: string | null;
  riskReasons: unknown;
  /** Why the order is late now by its store's rules (late-rules.ts), or null. */
  lateReason: LateReason | null;
  tags: string[];
};

/** Orders matching every condition, newest first (placedAt, then id) unless told another order, at most `limit`. */
export function selectOrderSummaries(
  client: Db | Tx,
  storeId: string,
  conditions: Prisma.Sql[],
  limit: number,
  orderBy: Prisma.Sql = Prisma.sql`o."placedAt" DESC, o.id DESC`,
): Promise<OrderSummaryRow[]> {
  return client.$queryRaw<OrderSummaryRow[]>`
    SELECT ${SUMMARY_COLUMNS(storeKey(storeId))}, ${TAGS(storeKey(storeId))}
    FROM orders o
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${orderBy}
    LIMIT ${limit}`;
}

export type OrderRow = OrderSummaryRow & {
  source: "STOREFRONT" | "API" | "MANUAL";
  version: number;
  customerEmail: string | null;
  inProgressAt: Date | null;
  shippedAt: Date | null;
  outForDeliveryAt: Date | null;
  deliveredAt: Date | null;
  canceledAt: Date | null;
  returnedAt: Date | null;
  refundedAt: Date | null;
  shippingName: string;
  shippingPhone: string;
  shippingCountry: string;
  shippingCity: string;
  shippingDistrict: string | null;
  shippingAddress: string;
  shippingPostalCode: string | null;
  shippingBuildingNumber: string | null;
  shippingAdditionalNumber: string | null;
  shippingShortAddress: string | null;
  shippingMethod: string;
  shippingFee: number;
  codFee: number;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  items: { id: string; sku: string; name: string; quantity: number; unitPrice: number; lineTotal: number }[];
};

/** One order with its items and tags, or null; `scope` is the visibility condition (visibleOrdersSql, or the store's). */
export async function selectOrderRow(client: Db | Tx, storeId: string, scope: Prisma.Sql, orderId: string): Promise<OrderRow | null> {
  const store = storeKey(storeId);
  const rows = await client.$queryRaw<OrderRow[]>`
    SELECT ${SUMMARY_COLUMNS(store)}, ${TAGS(store)},
      o.source::text AS source, o.version, o."customerEmail",
      o."inProgressAt", o."shippedAt", o."outForDeliveryAt", o."deliveredAt", o."canceledAt", o."returnedAt", o."refundedAt",
      o."shippingName", o."shippingPhone", o."shippingCountry", o."shippingCity", o."shippingDistrict", o."shippingAddress",
      o."shippingPostalCode", o."shippingBuildingNumber", o."shippingAdditionalNumber", o."shippingShortAddress", o."shippingMethod", o."shippingFee", o."codFee", o.subtotal, o."discountTotal", o."taxTotal",
      COALESCE((SELECT json_agg(json_build_object('id', i.id, 'sku', i.sku, 'name', i.name, 'quantity', i.quantity, 'unitPrice', i."unitPrice", 'lineTotal', i."lineTotal") ORDER BY i.id)
        FROM order_items i WHERE i."storeId" = ${store} AND i."orderId" = o.id), '[]') AS items
    FROM orders o
    WHERE ${scope} AND o.id = ${orderId}::uuid`;
  return rows[0] ?? null;
}

/** The condition for "this store's order", without staff visibility (for writes that already checked it). */
export const storeOrdersSql = (storeId: string) => Prisma.sql`o."storeId" = ${storeId}::uuid`;
