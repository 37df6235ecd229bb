import "server-only";
import { cashStillToCollect } from "@/server/cod/cod-ledger";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { percentileHours, sumHistograms } from "./hours-histogram";

export type DayRange = { from: string; to: string };
export const MAX_RANGE_DAYS = 366;

/** An order stuck this long before shipping is late on the home page (the late queues make it a store rule). */
export const LATE_AFTER_HOURS = 48;

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY));
export const daysIn = (r: DayRange) => Math.round((Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`)) / DAY) + 1;

/** Today on the store's clock. */
export function localToday(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The period asked for (kept within a year, never after today), or the last 30 days; and the period before it. */
export function periods(timeZone: string, asked: Partial<DayRange>, now = new Date()): { current: DayRange; previous: DayRange } {
  const today = localToday(timeZone, now);
  const valid = (d?: string) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ? d : undefined);
  let to = valid(asked.to) ?? today;
  if (to > today) to = today;
  let from = valid(asked.from) ?? addDays(to, -29);
  if (from > to) from = to;
  if (daysIn({ from, to }) > MAX_RANGE_DAYS) from = addDays(to, -(MAX_RANGE_DAYS - 1));
  const length = daysIn({ from, to });
  return { current: { from, to }, previous: { from: addDays(from, -length), to: addDays(from, -1) } };
}

type DayRow = {
  day: Date;
  placed: number;
  gross: bigint;
  received: number;
  inProgress: number;
  shipped: number;
  outForDelivery: number;
  delivered: number;
  canceled: number;
  returned: number;
  refundedOrders: number;
  canceledTotal: bigint;
  refundedAmount: bigint;
  shipHours: number[];
  deliverHours: number[];
};

export type DaySeries = { day: string; byStatus: Record<StatusKey, number>; revenue: number };
const STATUS_KEYS = ["received", "inProgress", "shipped", "outForDelivery", "delivered", "canceled", "returned", "refundedOrders"] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];

export type PeriodNumbers = {
  orders: number;
  revenue: number;
  averageOrder: number | null;
  shipHours: { median: { hours: number; over: boolean } | null; p90: { hours: number; over: boolean } | null; counted: number };
  deliverHours: { median: { hours: number; over: boolean } | null; p90: { hours: number; over: boolean } | null; counted: number };
  returnRate: number | null;
  cancelRate: number | null;
};

function summarise(rows: DayRow[]): PeriodNumbers {
  const sum = (f: (r: DayRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const orders = sum((r) => r.placed);
  const canceled = sum((r) => r.canceled);
  const revenue = sum((r) => Number(r.gross - r.canceledTotal - r.refundedAmount));
  const ship = sumHistograms(rows.map((r) => r.shipHours));
  const deliver = sumHistograms(rows.map((r) => r.deliverHours));
  const returned = sum((r) => r.returned);
  const delivered = sum((r) => r.delivered);
  const kept = orders - canceled;
  return {
    orders,
    revenue,
    averageOrder: kept > 0 ? Math.round(revenue / kept) : null,
    shipHours: { median: percentileHours(ship, 0.5), p90: percentileHours(ship, 0.9), counted: ship.reduce((a, b) => a + b, 0) },
    deliverHours: { median: percentileHours(deliver, 0.5), p90: percentileHours(deliver, 0.9), counted: deliver.reduce((a, b) => a + b, 0) },
    returnRate: delivered + returned > 0 ? returned / (delivered + returned) : null,
    cancelRate: orders > 0 ? canceled / orders : null,
  };
}

export type Business = {
  range: DayRange;
  previousRange: DayRange;
  current: PeriodNumbers;
  previous: PeriodNumbers;
  days: DaySeries[];
  topProducts: { sku: string; name: string; quantity: number; revenue: number }[];
  codToCollect: { orders: number; amount: number };
  /** Of the cash delivered: what carriers still owe (the Cash on delivery page's open collections). */
  withCarriers: { parcels: number; amount: number };
  late: { orders: number; capped: boolean };
};

const LATE_CAP = 1_000;

/**
 * The store's business for a period and the one before it, from the daily rollups (one row a day), never
 * from all its orders. Orders late now and cash still to collect are of the moment: the first reads only
 * orders not yet shipped (an index range, counted up to a cap), the second sums the days.
 */
export async function storeBusiness(ctx: StoreContext, timeZone: string, asked: Partial<DayRange>, now = new Date()): Promise<Business> {
  const { current, previous } = periods(timeZone, asked, now);
  const [rows, products, cod, late, withCarriers] = await Promise.all([
    db.$queryRaw<DayRow[]>`
      SELECT day, placed, gross, received, "inProgress", shipped, "outForDelivery", delivered, canceled, returned, "refundedOrders",
        "canceledTotal", "refundedAmount", "shipHours", "deliverHours"
      FROM store_daily_stats WHERE "storeId" = ${ctx.storeId}::uuid AND day BETWEEN ${previous.from}::date AND ${current.to}::date ORDER BY day`,
    db.$queryRaw<{ sku: string; name: string; quantity: bigint; revenue: bigint }[]>`
      SELECT sku, max(name) AS name, sum(quantity) AS quantity, sum(revenue) AS revenue FROM store_daily_products
      WHERE "storeId" = ${ctx.storeId}::uuid AND day BETWEEN ${current.from}::date AND ${current.to}::date
      GROUP BY sku ORDER BY sum(quantity) DESC, sum(revenue) DESC, sku LIMIT 5`,
    db.$queryRaw<{ orders: bigint | null; amount: bigint | null }[]>`
      SELECT sum("codOpenCount") AS orders, sum("codOpenAmount") AS amount FROM store_daily_stats WHERE "storeId" = ${ctx.storeId}::uuid`,
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT 1 FROM orders WHERE "storeId" = ${ctx.storeId}::uuid AND status IN ('RECEIVED', 'IN_PROGRESS')
        AND "placedAt" < ${new Date(now.getTime() - LATE_AFTER_HOURS * 3_600_000)} LIMIT ${LATE_CAP + 1}) x`,
    cashStillToCollect(ctx),
  ]);
  const key = (d: Date) => iso(d);
  const inCurrent = rows.filter((r) => key(r.day) >= current.from);
  const byDay = new Map(inCurrent.map((r) => [key(r.day), r]));
  const days: DaySeries[] = [];
  for (let day = current.from; day <= current.to; day = addDays(day, 1)) {
    const r = byDay.get(day);
    days.push({
      day,
      byStatus: Object.fromEntries(STATUS_KEYS.map((k) => [k, r ? r[k] : 0])) as Record<StatusKey, number>,
      revenue: r ? Number(r.gross - r.canceledTotal - r.refundedAmount) : 0,
    });
  }
  const lateCount = Number(late[0]?.n ?? 0);
  return {
    range: current,
    previousRange: previous,
    current: summarise(inCurrent),
    previous: summarise(rows.filter((r) => key(r.day) < current.from)),
    days,
    topProducts: products.map((p) => ({ sku: p.sku, name: p.name, quantity: Number(p.quantity), revenue: Number(p.revenue) })),
    codToCollect: { orders: Number(cod[0]?.orders ?? 0), amount: Number(cod[0]?.amount ?? 0) },
    withCarriers,
    late: { orders: Math.min(lateCount, LATE_CAP), capped: lateCount > LATE_CAP },
  };
}
