import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError } from "@/server/errors/app-error";
import type { Prisma } from "@/generated/prisma/client";
import { decodeCursor, encodeCursor } from "./cursor";
import { visibleOrders } from "./order-scope";
import { toOrderSummaryDto, type OrderSummaryDto } from "./order-dto";
import { parseOrderNumber } from "./order-number";
import { ORDER_STATUSES, orderStatusFromDb, orderStatusToDb, paymentMethodToDb, type OrderStatus } from "./order-status";
import type { ListOrdersQuery } from "./schemas";

export type OrdersPage = { data: OrderSummaryDto[]; nextCursor: string | null };

/** The filters of a list query, without status and paging: what the status tabs count under. */
function filterWhere(ctx: StoreContext, query: Omit<ListOrdersQuery, "status" | "cursor" | "limit">): Prisma.OrderWhereInput {
  const storeId = ctx.storeId;
  const where: Prisma.OrderWhereInput = visibleOrders(ctx);
  const and: Prisma.OrderWhereInput[] = [];
  if (query.q) {
    const number = parseOrderNumber(query.q);
    const needle = query.q.toLowerCase().replace(/(?<=\d)[\s-]+(?=\d)/g, "");
    and.push(number !== null ? { OR: [{ number }, { searchText: { contains: needle } }] } : { searchText: { contains: needle } });
  }
  if (query.from) and.push({ placedAt: { gte: new Date(`${query.from}T00:00:00.000Z`) } });
  if (query.to) and.push({ placedAt: { lt: new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 86_400_000) } });
  if (query.paymentMethod) where.paymentMethod = paymentMethodToDb(query.paymentMethod);
  if (query.branchId) where.branchId = query.branchId;
  if (query.tag) where.tags = { some: { tag: { storeId, name: query.tag } } };
  if (query.assignee === "me") and.push({ assigneeId: ctx.actor.type === "USER" ? ctx.actor.id : null });
  if (query.assignee === "none") and.push({ assigneeId: null });
  if (and.length) where.AND = and;
  return where;
}

/** One page of a store's orders, newest first, by keyset: deep pages cost what the first one does. */
export async function listOrders(ctx: StoreContext, query: ListOrdersQuery): Promise<OrdersPage> {
  const where = filterWhere(ctx, query);
  if (query.status) where.status = orderStatusToDb(query.status);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    if (!cursor) throw new AppError("VALIDATION_FAILED", "The cursor is not valid.", { fields: { cursor: "is not a cursor this API returned" } });
    // placedAt <= t bounds the index scan; the OR breaks ties on id.
    where.AND = [
      ...((where.AND as Prisma.OrderWhereInput[]) ?? []),
      { placedAt: { lte: cursor.placedAt } },
      { OR: [{ placedAt: { lt: cursor.placedAt } }, { id: { lt: cursor.id } }] },
    ];
  }
  const rows = await db.order.findMany({
    where,
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true,
      number: true,
      status: true,
      placedAt: true,
      customerId: true,
      customerName: true,
      customerPhone: true,
      paymentMethod: true,
      paymentStatus: true,
      currency: true,
      total: true,
      itemsCount: true,
      branchId: true,
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toOrderSummaryDto),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ placedAt: last.placedAt, id: last.id }) : null,
  };
}

/** How many orders each status tab holds under the same filters. */
export async function countOrdersByStatus(ctx: StoreContext, query: Omit<ListOrdersQuery, "status" | "cursor" | "limit">) {
  const groups = await db.order.groupBy({ by: ["status"], where: filterWhere(ctx, query), _count: { _all: true } });
  const counts = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  for (const g of groups) counts[orderStatusFromDb(g.status)] = g._count._all;
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  return { all, ...counts };
}
