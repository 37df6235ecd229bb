import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue } from "@/server/errors/app-error";
import { Prisma } from "@/generated/prisma/client";
import type { OrderStatus as DbOrderStatus } from "@/generated/prisma/enums";
import { afterSql, cursorAfter, orderBySql, readCursor } from "./order-sort";
import { selectOrderSummaries, visibleOrdersSql } from "./order-queries";
import { toOrderSummaryDto, type OrderSummaryDto } from "./order-dto";
import { parseOrderNumber } from "./order-number";
import { ORDER_STATUSES, orderStatusFromDb, orderStatusToDb, paymentMethodToDb, type OrderStatus } from "./order-status";
import type { ListOrdersQuery } from "./schemas";
import { lateSql, storeKey } from "./late-rules";

export type OrdersPage = { data: OrderSummaryDto[]; nextCursor: string | null };

/** The filters of a list query, without status and paging, as SQL conditions: what the status tabs count under. */
export function orderFilterSql(ctx: StoreContext, query: Omit<ListOrdersQuery, "status" | "cursor" | "limit" | "sort">): Prisma.Sql[] {
  const where = [visibleOrdersSql(ctx)];
  if (query.q) {
    const number = parseOrderNumber(query.q);
    const needle = query.q.toLowerCase().replace(/(?<=\d)[\s-]+(?=\d)/g, "");
    // searchText holds "number name phone" lower-cased, matched by trigram index; % and _ are literal here.
    const like = Prisma.sql`o."searchText" LIKE ${`%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
    where.push(number !== null ? Prisma.sql`(o.number = ${number} OR ${like})` : like);
  }
  if (query.from) where.push(Prisma.sql`o."placedAt" >= ${new Date(`${query.from}T00:00:00.000Z`)}`);
  if (query.to) where.push(Prisma.sql`o."placedAt" < ${new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 86_400_000)}`);
  if (query.paymentMethod) where.push(Prisma.sql`o."paymentMethod" = ${paymentMethodToDb(query.paymentMethod)}::"PaymentMethod"`);
  if (query.branchId) where.push(Prisma.sql`o."branchId" = ${query.branchId}::uuid`);
  if (query.tag) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM order_tags ot JOIN tags t ON t."storeId" = ot."storeId" AND t.id = ot."tagId"
      WHERE ot."storeId" = ${ctx.storeId}::uuid AND ot."orderId" = o.id AND t.name = ${query.tag})`);
  }
  if (query.assignee === "me") where.push(ctx.actor.type === "USER" ? Prisma.sql`o."assigneeId" = ${ctx.actor.id}::uuid` : Prisma.sql`false`);
  if (query.assignee === "none") where.push(Prisma.sql`o."assigneeId" IS NULL`);
  if (query.late) where.push(lateSql(storeKey(ctx.storeId)));
  return where;
}

/** One page of a store's orders in the asked sort (newest first by default), by keyset: deep pages cost what the first one does. */
export async function listOrders(ctx: StoreContext, query: ListOrdersQuery): Promise<OrdersPage> {
  const where = orderFilterSql(ctx, query);
  if (query.status) where.push(Prisma.sql`o.status = ${orderStatusToDb(query.status)}::"OrderStatus"`);
  if (query.cursor) {
    const cursor = readCursor(query.sort, query.cursor);
    if (!cursor) throw new AppError("VALIDATION_FAILED", "The cursor is not valid.", { fields: { cursor: issue("badCursor") } });
    where.push(afterSql(query.sort, cursor));
  }
  const rows = await selectOrderSummaries(db, ctx.storeId, where, query.limit + 1, orderBySql(query.sort));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toOrderSummaryDto),
    nextCursor: rows.length > query.limit && last ? cursorAfter(query.sort, last) : null,
  };
}

/** Tabs count exactly up to here and show "1,000+" beyond: a count costs what it counts, and a store
 * with 200,000 delivered orders needs to know it has many, not to wait for the number on every view. */
export const ORDER_COUNT_CAP = 1_000;

/** How many orders each status tab holds under the same filters; a count above `cap` is cap + 1 (more than cap). */
export async function countOrdersByStatus(ctx: StoreContext, query: Omit<ListOrdersQuery, "status" | "cursor" | "limit" | "sort">, cap = ORDER_COUNT_CAP) {
  const where = Prisma.join(orderFilterSql(ctx, query), " AND ");
  // Per status, an index range read that stops at cap + 1 rows.
  const groups = await db.$queryRaw<{ status: DbOrderStatus; count: number }[]>`
    SELECT s.status::text AS status,
      (SELECT count(*)::int FROM (SELECT 1 FROM orders o WHERE ${where} AND o.status = s.status LIMIT ${cap + 1}) x) AS count
    FROM unnest(enum_range(NULL::"OrderStatus")) AS s(status)`;
  const counts = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  for (const g of groups) counts[orderStatusFromDb(g.status)] = g.count;
  const sum = Object.values(counts).reduce((a, b) => a + b, 0);
  return { all: Math.min(sum, cap + 1), ...counts };
}
