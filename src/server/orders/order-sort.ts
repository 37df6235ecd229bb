// How the orders list may be sorted, and its keyset for each sort: every page is an index range read
// after the last row of the one before, whatever the sort (placedAt, total and number are indexed per store).
import { Prisma } from "@/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/cursor";

export const ORDER_SORTS = ["newest", "oldest", "total_high", "total_low", "number_high", "number_low"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

type Key = { column: Prisma.Sql; desc: boolean; kind: "time" | "int"; unique: boolean };
const KEYS: Record<OrderSort, Key> = {
  newest: { column: Prisma.sql`o."placedAt"`, desc: true, kind: "time", unique: false },
  oldest: { column: Prisma.sql`o."placedAt"`, desc: false, kind: "time", unique: false },
  total_high: { column: Prisma.sql`o.total`, desc: true, kind: "int", unique: false },
  total_low: { column: Prisma.sql`o.total`, desc: false, kind: "int", unique: false },
  number_high: { column: Prisma.sql`o.number`, desc: true, kind: "int", unique: true },
  number_low: { column: Prisma.sql`o.number`, desc: false, kind: "int", unique: true },
};

/** The ORDER BY of a sort (ties broken by id, so a page boundary is exact). */
export function orderBySql(sort: OrderSort): Prisma.Sql {
  const k = KEYS[sort];
  const dir = k.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  return k.unique ? Prisma.sql`${k.column} ${dir}` : Prisma.sql`${k.column} ${dir}, o.id ${dir}`;
}

type Row = { id: string; placedAt: Date; total: number; number: number };
type Position = { value: Date | number; id: string };

const valueOf = (sort: OrderSort, row: Row): Date | number => (sort.startsWith("total") ? row.total : sort.startsWith("number") ? row.number : row.placedAt);

/** The cursor after `row` under `sort`: the newest-first one is the list's long-standing cursor. */
export function cursorAfter(sort: OrderSort, row: Row): string {
  if (sort === "newest") return encodeCursor({ at: row.placedAt, id: row.id });
  const value = valueOf(sort, row);
  const text = value instanceof Date ? value.toISOString() : String(value);
  return Buffer.from(`${sort}~${text}|${row.id}`).toString("base64url");
}

/** The position a cursor holds for `sort`; null for anything that is not such a cursor (another sort's included). */
export function readCursor(sort: OrderSort, raw: string): Position | null {
  if (sort === "newest") {
    const c = decodeCursor(raw);
    return c && { value: c.at, id: c.id };
  }
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const match = /^([a-z_]+)~([^|~]+)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(text);
  if (!match || match[1] !== sort) return null;
  if (KEYS[sort].kind === "time") {
    const at = new Date(match[2]);
    return Number.isNaN(at.getTime()) || at.toISOString() !== match[2] ? null : { value: at, id: match[3] };
  }
  if (!/^-?\d{1,10}$/.test(match[2])) return null;
  return { value: Number(match[2]), id: match[3] };
}

/** Rows after the position, in the sort's direction. */
export function afterSql(sort: OrderSort, at: Position): Prisma.Sql {
  const k = KEYS[sort];
  const value = at.value instanceof Date ? Prisma.sql`${at.value}` : Prisma.sql`${at.value}::int`;
  if (sort === "newest") {
    // placedAt <= t bounds the index scan; the OR breaks ties on id.
    return Prisma.sql`o."placedAt" <= ${at.value} AND (o."placedAt" < ${at.value} OR o.id < ${at.id}::uuid)`;
  }
  if (k.unique) return k.desc ? Prisma.sql`${k.column} < ${value}` : Prisma.sql`${k.column} > ${value}`;
  return k.desc ? Prisma.sql`(${k.column}, o.id) < (${value}, ${at.id}::uuid)` : Prisma.sql`(${k.column}, o.id) > (${value}, ${at.id}::uuid)`;
}
