import "server-only";
import { Readable } from "node:stream";
import { z } from "zod";
import { db } from "@/server/db/client";
import { Prisma } from "@/generated/prisma/client";
import type { StoreContext } from "@/server/auth/context";
import { translator, type WordsLocale } from "@/server/errors/words";
import { minorUnitDigits } from "@/server/money/money";
import { minorToDecimal } from "@/lib/csv";
import { csvStream, xlsxStream, type SheetSpec } from "@/server/files/sheet-stream";
import { encodeCursor, decodeCursor, type KeysetCursor } from "@/lib/cursor";
import { AppError, issue } from "@/server/errors/app-error";
import { orderFilterSql } from "./list-orders";
import { orderStatusToDb, orderStatusFromDb, paymentMethodFromDb, paymentStatusFromDb } from "./order-status";
import { listOrdersQuery } from "./schemas";
import { formatOrderNumber } from "./order-number";

/** Every column an export can have, in the order a spreadsheet shows them. */
export const EXPORT_COLUMNS = [
  "number",
  "placedAt",
  "status",
  "customerName",
  "customerPhone",
  "customerEmail",
  "city",
  "address",
  "items",
  "itemsCount",
  "subtotal",
  "shippingFee",
  "discount",
  "tax",
  "total",
  "refunded",
  "currency",
  "paymentMethod",
  "paymentStatus",
  "carrier",
  "trackingNumber",
  "branch",
  "assignee",
  "tags",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export const DEFAULT_EXPORT_COLUMNS: ExportColumn[] = [
  "number",
  "placedAt",
  "status",
  "customerName",
  "customerPhone",
  "city",
  "itemsCount",
  "total",
  "currency",
  "paymentMethod",
  "paymentStatus",
  "carrier",
  "trackingNumber",
  "tags",
];
const MONEY: ReadonlySet<ExportColumn> = new Set(["subtotal", "shippingFee", "discount", "tax", "total", "refunded"]);

/** The list's filters (without paging), the format and the columns, as a query string gives them. */
export const exportOrdersQuery = listOrdersQuery.omit({ cursor: true, limit: true }).extend({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  columns: z
    .string()
    .max(1000)
    .optional()
    .transform((v) => (v ? v.split(",").map((c) => c.trim()) : DEFAULT_EXPORT_COLUMNS))
    .pipe(z.array(z.enum(EXPORT_COLUMNS)).min(1).max(EXPORT_COLUMNS.length)),
});
export type ExportOrdersQuery = z.output<typeof exportOrdersQuery>;

type ExportRow = {
  id: string;
  number: number;
  placedAt: Date;
  status: string;
  customerName: string;
  customerPhone: string;
  customerEmail: string | null;
  city: string;
  address: string;
  items: string | null;
  itemsCount: number;
  subtotal: number;
  shippingFee: number;
  discount: number;
  tax: number;
  total: number;
  refunded: number;
  currency: string;
  paymentMethod: string;
  paymentStatus: string;
  carrier: string | null;
  trackingNumber: string | null;
  branch: string | null;
  assignee: string | null;
  tags: string | null;
};

const PAGE = 1_000;

/**
 * The orders of a filter, newest first, a thousand at a time by keyset: an export of 200,000 orders holds
 * one page in memory, never the whole. `from` starts after a key, `through` stops after one (an API page).
 */
export async function* exportRows(ctx: StoreContext, query: Omit<ExportOrdersQuery, "format" | "columns">, from?: KeysetCursor, through?: KeysetCursor) {
  let after = from ?? null;
  for (;;) {
    const where = orderFilterSql(ctx, query);
    if (query.status) where.push(Prisma.sql`o.status = ${orderStatusToDb(query.status)}::"OrderStatus"`);
    if (after) where.push(Prisma.sql`o."placedAt" <= ${after.at} AND (o."placedAt" < ${after.at} OR o.id < ${after.id}::uuid)`);
    if (through) where.push(Prisma.sql`(o."placedAt" > ${through.at} OR (o."placedAt" = ${through.at} AND o.id >= ${through.id}::uuid))`);
    const rows = await db.$queryRaw<ExportRow[]>`
      SELECT o.id, o.number, o."placedAt", o.status::text AS status, o."customerName", o."customerPhone", o."customerEmail",
        o."shippingCity" AS city, o."shippingAddress" AS address, o."itemsCount", o.subtotal, o."shippingFee", o."discountTotal" AS discount,
        o."taxTotal" AS tax, o.total, o."refundedAmount" AS refunded, o.currency, o."paymentMethod"::text AS "paymentMethod",
        o."paymentStatus"::text AS "paymentStatus", b.name AS branch, u.name AS assignee, sh.carrier, sh."trackingNumber",
        (SELECT string_agg(i.sku || ' × ' || i.quantity, '; ' ORDER BY i.id) FROM order_items i WHERE i."storeId" = ${ctx.storeId}::uuid AND i."orderId" = o.id) AS items,
        (SELECT string_agg(t.name, ', ' ORDER BY t.name) FROM order_tags ot JOIN tags t ON t."storeId" = ot."storeId" AND t.id = ot."tagId"
          WHERE ot."storeId" = ${ctx.storeId}::uuid AND ot."orderId" = o.id) AS tags
      FROM orders o
      LEFT JOIN branches b ON b."storeId" = o."storeId" AND b.id = o."branchId"
      LEFT JOIN users u ON u.id = o."assigneeId"
      LEFT JOIN LATERAL (
        SELECT s.carrier, s."trackingNumber" FROM shipments s
        WHERE s."storeId" = ${ctx.storeId}::uuid AND s."orderId" = o.id AND s.status NOT IN ('FAILED', 'VOIDED')
        ORDER BY s."createdAt" DESC LIMIT 1) sh ON true
      WHERE ${Prisma.join(where, " AND ")}
      ORDER BY o."placedAt" DESC, o.id DESC
      LIMIT ${PAGE}`;
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    const last = rows.at(-1)!;
    after = { at: last.placedAt, id: last.id };
  }
}

/**
 * How a row becomes cells in the reader's language: words for statuses, methods and carriers (looked up once
 * each), money in the currency's major unit, times on the store's clock. Made once per export: a formatter
 * made per row would cost more than reading the row.
 */
function rowWriter(columns: readonly ExportColumn[], timeZone: string, t: (k: string) => string) {
  const local = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const words = new Map<string, string>();
  const word = (key: string) => {
    let w = words.get(key);
    if (w === undefined) words.set(key, (w = t(key)));
    return w;
  };
  const digits = new Map<string, number>();
  const digitsOf = (currency: string) => {
    let d = digits.get(currency);
    if (d === undefined) digits.set(currency, (d = minorUnitDigits(currency)));
    return d;
  };
  return (row: ExportRow) =>
    columns.map((c): string | number | null => {
      if (MONEY.has(c)) return minorToDecimal(row[c as "total"], digitsOf(row.currency));
      switch (c) {
        case "number":
          return formatOrderNumber(row.number);
        case "placedAt":
          return local.format(row.placedAt).replace(",", "");
        case "status":
          return word(`status.${orderStatusFromDb(row.status as never)}`);
        case "paymentMethod":
          return word(`paymentMethod.${paymentMethodFromDb(row.paymentMethod as never)}`);
        case "paymentStatus":
          return word(`paymentStatus.${paymentStatusFromDb(row.paymentStatus as never)}`);
        case "carrier":
          return row.carrier ? word(`carrierName.${row.carrier}`) : null;
        default:
          return row[c] ?? null;
      }
    });
}

export type ExportTarget = { ctx: StoreContext; query: ExportOrdersQuery; locale: WordsLocale; timeZone: string };

const headerOf = (columns: readonly ExportColumn[], t: (k: string) => string) => columns.map((c) => t(`orderExport.columns.${c}`));

type Bounds = { from?: KeysetCursor; through?: KeysetCursor };

const sheetOf = ({ ctx, query, locale, timeZone }: ExportTarget, bounds: Bounds = {}, progress?: (rows: number) => void): SheetSpec => {
  const t = translator(locale);
  const cells = rowWriter(query.columns, timeZone, t);
  return {
    header: headerOf(query.columns, t),
    widths: query.columns.map((c) => (c === "items" || c === "address" ? 40 : 18)),
    sheetName: t("orderExport.sheet"),
    rightToLeft: locale === "ar",
    pages: async function* () {
      let rows = 0;
      for await (const page of exportRows(ctx, query, bounds.from, bounds.through)) {
        yield page.map(cells);
        progress?.((rows += page.length));
      }
    },
  };
};

/** The export as CSV: a BOM, the header in the reader's language, then the rows as they are read. */
export const ordersCsv = (target: ExportTarget, bounds: Bounds = {}) => csvStream(sheetOf(target, bounds));

/** The export as an Excel workbook, streamed as it is read (`xlsxStream`). */
export const ordersXlsx = (target: ExportTarget) => xlsxStream(sheetOf(target));

/** The export in its format, telling `progress` how many orders are written so far (the background export). */
export const ordersFile = (target: ExportTarget, progress: (rows: number) => void) =>
  (target.query.format === "xlsx" ? xlsxStream : csvStream)(sheetOf(target, {}, progress));

/**
 * An API page of the export: up to `limit` orders after `cursor`. Where it ends, and the cursor of the page
 * after it, are found first (so the cursor goes in a header before the rows stream).
 */
export async function exportPage(
  ctx: StoreContext,
  query: Omit<ExportOrdersQuery, "format" | "columns">,
  cursor: string | undefined,
  limit: number,
): Promise<{ from?: KeysetCursor; through?: KeysetCursor; next: string | null }> {
  const from = cursor ? decodeCursor(cursor) : null;
  if (cursor && !from) throw new AppError("VALIDATION_FAILED", "The cursor is not valid.", { fields: { cursor: issue("badCursor") } });
  const where = orderFilterSql(ctx, query);
  if (query.status) where.push(Prisma.sql`o.status = ${orderStatusToDb(query.status)}::"OrderStatus"`);
  if (from) where.push(Prisma.sql`o."placedAt" <= ${from.at} AND (o."placedAt" < ${from.at} OR o.id < ${from.id}::uuid)`);
  // The page's last order and whether one follows it.
  const rows = await db.$queryRaw<{ placedAt: Date; id: string }[]>`
    SELECT o."placedAt", o.id FROM orders o WHERE ${Prisma.join(where, " AND ")} ORDER BY o."placedAt" DESC, o.id DESC OFFSET ${limit - 1} LIMIT 2`;
  if (rows.length < 2) return { from: from ?? undefined, next: null };
  const through = { at: rows[0].placedAt, id: rows[0].id };
  return { from: from ?? undefined, through, next: encodeCursor(through) };
}

/** The API's NDJSON: one order a line, raw values (minor units, codes, ISO times), every column. */
export function ordersNdjson(ctx: StoreContext, query: Omit<ExportOrdersQuery, "format" | "columns">, bounds: { from?: KeysetCursor; through?: KeysetCursor }) {
  async function* lines() {
    for await (const page of exportRows(ctx, query, bounds.from, bounds.through))
      yield page
        .map(
          (r) =>
            `${JSON.stringify({
              id: r.id,
              number: r.number,
              placedAt: r.placedAt.toISOString(),
              status: orderStatusFromDb(r.status as never),
              customer: { name: r.customerName, phone: r.customerPhone, email: r.customerEmail },
              shipping: { city: r.city, address: r.address, carrier: r.carrier, trackingNumber: r.trackingNumber, branch: r.branch },
              items: r.items,
              itemsCount: r.itemsCount,
              totals: {
                subtotal: r.subtotal,
                shippingFee: r.shippingFee,
                discount: r.discount,
                tax: r.tax,
                total: r.total,
                refunded: r.refunded,
                currency: r.currency,
              },
              payment: { method: paymentMethodFromDb(r.paymentMethod as never), status: paymentStatusFromDb(r.paymentStatus as never) },
              assignee: r.assignee,
              tags: r.tags ? r.tags.split(", ") : [],
            })}\n`,
        )
        .join("");
  }
  return Readable.toWeb(Readable.from(lines(), { objectMode: false })) as ReadableStream<Uint8Array>;
}

/** The store's own clock for the export's times. */
export async function storeTimeZone(storeId: string): Promise<string> {
  return (await db.store.findUniqueOrThrow({ where: { id: storeId }, select: { timeZone: true } })).timeZone;
}

export const exportFileName = (slug: string, format: "csv" | "xlsx" | "ndjson", now = new Date()) =>
  `orders-${slug}-${now.toISOString().slice(0, 10)}.${format}`;

export const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ndjson: "application/x-ndjson; charset=utf-8",
} as const;
