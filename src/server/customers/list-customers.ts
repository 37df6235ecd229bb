import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue } from "@/server/errors/app-error";
import type { Prisma } from "@/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { customerStats, type CustomerStats } from "./customer-stats";
import type { ListCustomersQuery } from "./schemas";

export type CustomerSummaryDto = {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  city: string | null;
  blocked: { at: string; reason: string } | null;
  stats: CustomerStats;
};

type CustomerRow = { id: string; name: string; phone: string; email: string | null; city: string | null; blockedAt: Date | null; blockedReason: string | null };

export function toCustomerSummaryDto(c: CustomerRow, stats: CustomerStats): CustomerSummaryDto {
  return {
    id: c.id,
    name: c.name,
    phone: c.phone,
    email: c.email,
    city: c.city,
    blocked: c.blockedAt ? { at: c.blockedAt.toISOString(), reason: c.blockedReason ?? "" } : null,
    stats,
  };
}

/** The store's customers, newest first, by keyset, with their order stats. */
export async function listCustomers(ctx: StoreContext, query: ListCustomersQuery): Promise<{ data: CustomerSummaryDto[]; nextCursor: string | null }> {
  const where: Prisma.CustomerWhereInput = { storeId: ctx.storeId };
  const and: Prisma.CustomerWhereInput[] = [];
  if (query.q) {
    const q = query.q.replace(/(?<=\d)[\s-]+(?=\d)/g, "");
    const local = /^0\d+$/.test(q) ? `+966${q.slice(1)}` : q;
    and.push({ OR: [{ name: { contains: q, mode: "insensitive" } }, { phone: { contains: local } }, { email: { contains: q, mode: "insensitive" } }] });
  }
  if (query.blocked === "only") and.push({ blockedAt: { not: null } });
  if (query.blocked === "exclude") and.push({ blockedAt: null });
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    if (!cursor) throw new AppError("VALIDATION_FAILED", "The cursor is not valid.", { fields: { cursor: issue("badCursor") } });
    and.push({ createdAt: { lte: cursor.at } }, { OR: [{ createdAt: { lt: cursor.at } }, { id: { lt: cursor.id } }] });
  }
  if (and.length) where.AND = and;
  const rows = await db.customer.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const stats = await customerStats(
    ctx.storeId,
    page.map((c) => c.id),
  );
  const last = page.at(-1);
  return {
    data: page.map((c) => toCustomerSummaryDto(c, stats.get(c.id)!)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}
