// What the Cash on delivery page reads: per carrier expected → collected → remitted → outstanding, the
// aging of what is still owed, the mismatches with their orders, the statements, the outstanding cash
// over time, and the file of every collection. Open cash is read through the partial index of collections
// that do not balance; the totals are one pass over the store's collections.
import type { StoreContext } from "@/server/auth/context";
import { db } from "@/server/db/client";
import { Prisma } from "@/generated/prisma/client";
import { notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { addDays, localToday } from "@/server/stores/business";
import { CARRIER_IDS, type CarrierId } from "@/server/shipping/carriers";
import { AGING_BUCKETS, agingBucket, collectionMismatch, lineMismatch, type AgingBucket, type LineOutcome, type MismatchKind } from "./cod-rules";

export type CarrierCash = {
  carrier: string;
  parcels: number;
  expected: number;
  collected: number;
  remitted: number;
  settled: number;
  outstanding: number;
  /** Paid in the carrier's statements for no parcel whose cash the store expected, and not settled. */
  unmatched: number;
};

const n = (v: unknown) => Number(v ?? 0);

/** A statement's line (`e`) that matched no cash the store expected and is still open: neither settled nor reversed. */
const OPEN_UNMATCHED_LINE = Prisma.sql`e."collectionId" IS NULL AND e.kind = 'REMITTANCE'
  AND NOT EXISTS (SELECT 1 FROM cod_entries x WHERE x."storeId" = e."storeId" AND (x."settlesId" = e.id OR x."reversesId" = e.id))`;

export async function cashByCarrier(ctx: StoreContext): Promise<CarrierCash[]> {
  const [rows, unmatched] = await Promise.all([
    db.$queryRaw<{ carrier: string; parcels: bigint; expected: bigint; collected: bigint | null; remitted: bigint; settled: bigint; outstanding: bigint }[]>`
      SELECT carrier, count(*) AS parcels, sum(amount) AS expected, sum("collectedAmount") AS collected, sum(remitted) AS remitted,
             sum(settled) AS settled, sum(outstanding) AS outstanding
      FROM cod_collections WHERE "storeId" = ${ctx.storeId}::uuid GROUP BY carrier`,
    db.$queryRaw<{ carrier: string; amount: bigint }[]>`
      SELECT e.carrier, sum(e.amount) AS amount FROM cod_entries e
      WHERE e."storeId" = ${ctx.storeId}::uuid AND ${OPEN_UNMATCHED_LINE}
      GROUP BY e.carrier`,
  ]);
  const extra = new Map(unmatched.map((u) => [u.carrier, n(u.amount)]));
  const carriers = new Set([...rows.map((r) => r.carrier), ...extra.keys()]);
  return [...carriers]
    .sort((a, b) => CARRIER_IDS.indexOf(a as CarrierId) - CARRIER_IDS.indexOf(b as CarrierId))
    .map((carrier) => {
      const r = rows.find((x) => x.carrier === carrier);
      return {
        carrier,
        parcels: n(r?.parcels),
        expected: n(r?.expected),
        collected: n(r?.collected),
        remitted: n(r?.remitted),
        settled: n(r?.settled),
        outstanding: n(r?.outstanding),
        unmatched: extra.get(carrier) ?? 0,
      };
    });
}

export type Aging = { carrier: string; buckets: Record<AgingBucket, { parcels: number; amount: number }> };

/** What each carrier still owes, by days since delivery (0–7, 8–14, 15–30, over 30). */
export async function cashAging(ctx: StoreContext, now = new Date()): Promise<Aging[]> {
  const rows = await db.$queryRaw<{ carrier: string; days: number; parcels: bigint; amount: bigint }[]>`
    SELECT carrier, floor(extract(epoch FROM (${now}::timestamptz - ("deliveredAt" AT TIME ZONE 'UTC'))) / 86400)::int AS days, count(*) AS parcels, sum(outstanding) AS amount
    FROM cod_collections WHERE "storeId" = ${ctx.storeId}::uuid AND outstanding <> 0 AND outstanding > 0
    GROUP BY 1, 2`;
  const out = new Map<string, Aging>();
  for (const r of rows) {
    const aging = out.get(r.carrier) ?? {
      carrier: r.carrier,
      buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b, { parcels: 0, amount: 0 }])) as Aging["buckets"],
    };
    const bucket = aging.buckets[agingBucket(Math.max(0, r.days))];
    bucket.parcels += n(r.parcels);
    bucket.amount += n(r.amount);
    out.set(r.carrier, aging);
  }
  return [...out.values()].sort((a, b) => CARRIER_IDS.indexOf(a.carrier as CarrierId) - CARRIER_IDS.indexOf(b.carrier as CarrierId));
}

export type Mismatch = {
  kind: MismatchKind;
  /** A collection (short, over, paid twice) or a statement line (unknown, refused, unexpected): what settling closes. */
  target: { collectionId: string } | { lineId: string };
  carrier: string;
  trackingNumber: string | null;
  order: { id: string; number: number } | null;
  expected: number | null;
  paid: number;
  /** What is still owed (positive) or was paid over (negative). */
  difference: number;
  statement: string | null;
  at: string;
};

/** How many mismatches are open: collections paid but not balanced, and lines that matched no cash, not settled. */
export async function cashMismatchCount(ctx: StoreContext): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT (SELECT count(*) FROM cod_collections WHERE "storeId" = ${ctx.storeId}::uuid AND outstanding <> 0 AND remittances > 0)
         + (SELECT count(*) FROM cod_entries e WHERE e."storeId" = ${ctx.storeId}::uuid AND ${OPEN_UNMATCHED_LINE}) AS n`;
  return n(row?.n);
}

/** The mismatches still open, oldest first, at most `limit` of each source. */
export async function cashMismatches(ctx: StoreContext, limit = 100): Promise<Mismatch[]> {
  const [collections, lines] = await Promise.all([
    db.$queryRaw<
      {
        id: string;
        carrier: string;
        trackingNumber: string;
        orderId: string;
        number: number;
        amount: number;
        remitted: number;
        remittances: number;
        outstanding: number;
        deliveredAt: Date;
        statement: string | null;
      }[]
    >`
      SELECT c.id, c.carrier, c."trackingNumber", c."orderId", o.number, c.amount, c.remitted, c.remittances, c.outstanding, c."deliveredAt",
             (SELECT s.reference FROM cod_entries e JOIN cod_statements s ON s."storeId" = e."storeId" AND s.id = e."statementId"
              WHERE e."storeId" = c."storeId" AND e."collectionId" = c.id AND e.kind = 'REMITTANCE' ORDER BY e."createdAt" DESC LIMIT 1) AS statement
      FROM cod_collections c JOIN orders o ON o."storeId" = c."storeId" AND o.id = c."orderId"
      WHERE c."storeId" = ${ctx.storeId}::uuid AND c.outstanding <> 0 AND c.remittances > 0
      ORDER BY c."deliveredAt", c.id LIMIT ${limit}`,
    db.$queryRaw<
      {
        id: string;
        carrier: string;
        trackingNumber: string | null;
        orderId: string | null;
        number: number | null;
        amount: number;
        outcome: LineOutcome;
        createdAt: Date;
        statement: string;
      }[]
    >`
      SELECT e.id, e.carrier, e."trackingNumber", e."orderId", o.number, e.amount, e.outcome::text AS outcome, e."createdAt", s.reference AS statement
      FROM cod_entries e
      JOIN cod_statements s ON s."storeId" = e."storeId" AND s.id = e."statementId"
      LEFT JOIN orders o ON o."storeId" = e."storeId" AND o.id = e."orderId"
      WHERE e."storeId" = ${ctx.storeId}::uuid AND ${OPEN_UNMATCHED_LINE}
      ORDER BY e."createdAt", e.id LIMIT ${limit}`,
  ]);
  const fromCollections: Mismatch[] = collections.flatMap((c) => {
    const kind = collectionMismatch(c);
    if (!kind) return [];
    return [
      {
        kind,
        target: { collectionId: c.id },
        carrier: c.carrier,
        trackingNumber: c.trackingNumber,
        order: { id: c.orderId, number: c.number },
        expected: c.amount,
        paid: c.remitted,
        difference: c.outstanding,
        statement: c.statement,
        at: c.deliveredAt.toISOString(),
      },
    ];
  });
  const fromLines: Mismatch[] = lines.flatMap((l) => {
    const kind = lineMismatch(l.outcome);
    if (!kind) return [];
    return [
      {
        kind,
        target: { lineId: l.id },
        carrier: l.carrier,
        trackingNumber: l.trackingNumber,
        order: l.orderId && l.number !== null ? { id: l.orderId, number: l.number } : null,
        expected: null,
        paid: l.amount,
        difference: -l.amount,
        statement: l.statement,
        at: l.createdAt.toISOString(),
      },
    ];
  });
  return [...fromCollections, ...fromLines];
}

export type StatementSummary = {
  id: string;
  carrier: string;
  reference: string;
  statedTotal: number;
  lineCount: number;
  matchedCount: number;
  mismatchCount: number;
  paidOn: string | null;
  source: string;
  fileName: string | null;
  createdByName: string;
  createdAt: string;
  reversed: { at: string; by: string | null; note: string | null } | null;
};

type StatementRow = Awaited<ReturnType<typeof db.codStatement.findFirstOrThrow>>;

function toSummary(r: StatementRow): StatementSummary {
  return {
    id: r.id,
    carrier: r.carrier,
    reference: r.reference,
    statedTotal: r.statedTotal,
    lineCount: r.lineCount,
    matchedCount: r.matchedCount,
    mismatchCount: r.mismatchCount,
    paidOn: r.paidOn?.toISOString().slice(0, 10) ?? null,
    source: r.source,
    fileName: r.fileName,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    reversed: r.reversedAt ? { at: r.reversedAt.toISOString(), by: r.reversedByName, note: r.reversalNote } : null,
  };
}

export async function recentStatements(ctx: StoreContext, take = 20): Promise<StatementSummary[]> {
  const rows = await db.codStatement.findMany({ where: { storeId: ctx.storeId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  return rows.map(toSummary);
}

export type StatementLineRow = {
  lineNo: number;
  trackingNumber: string | null;
  amount: number;
  outcome: LineOutcome;
  order: { id: string; number: number } | null;
};

/** One statement with its lines as they matched. */
export async function statementLines(ctx: StoreContext, statementId: string): Promise<{ statement: StatementSummary; lines: StatementLineRow[] }> {
  if (!isUuid(statementId)) throw notFound("Statement");
  const row = await db.codStatement.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: statementId } } });
  if (!row) throw notFound("Statement");
  const lines = await db.$queryRaw<
    { lineNo: number; trackingNumber: string | null; amount: number; outcome: LineOutcome; orderId: string | null; number: number | null }[]
  >`
    SELECT e."lineNo", e."trackingNumber", e.amount, e.outcome::text AS outcome, e."orderId", o.number
    FROM cod_entries e LEFT JOIN orders o ON o."storeId" = e."storeId" AND o.id = e."orderId"
    WHERE e."storeId" = ${ctx.storeId}::uuid AND e."statementId" = ${statementId}::uuid AND e.kind = 'REMITTANCE'
    ORDER BY e."lineNo" LIMIT 5000`;
  return {
    statement: toSummary(row),
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      trackingNumber: l.trackingNumber,
      amount: l.amount,
      outcome: l.outcome,
      order: l.orderId && l.number !== null ? { id: l.orderId, number: l.number } : null,
    })),
  };
}

/**
 * Each carrier's outstanding cash at the end of each of the last `days` days on the store's clock. Read
 * backwards from today's open cash (the partial index) with each day's changes inside the window — the
 * deliveries that added cash and the entries that paid or settled it — so the window never reads older history.
 */
export async function outstandingSeries(ctx: StoreContext, timeZone: string, days = 60, now = new Date()) {
  const today = localToday(timeZone, now);
  const dayList = Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
  const from = dayList[0];
  const [open, delivered, entries] = await Promise.all([
    db.$queryRaw<{ carrier: string; amount: bigint }[]>`
      SELECT carrier, sum(outstanding) AS amount FROM cod_collections WHERE "storeId" = ${ctx.storeId}::uuid AND outstanding <> 0 GROUP BY carrier`,
    db.$queryRaw<{ carrier: string; day: string; amount: bigint }[]>`
      SELECT carrier, to_char(("deliveredAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, sum(amount) AS amount
      FROM cod_collections
      WHERE "storeId" = ${ctx.storeId}::uuid AND "deliveredAt" >= ((${from}::date - 1)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'
      GROUP BY 1, 2`,
    db.$queryRaw<{ carrier: string; day: string; amount: bigint }[]>`
      SELECT carrier, to_char(("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, sum(amount) AS amount
      FROM cod_entries
      WHERE "storeId" = ${ctx.storeId}::uuid AND "collectionId" IS NOT NULL AND "createdAt" >= ((${from}::date - 1)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'
      GROUP BY 1, 2`,
  ]);
  const carriers = [...new Set([...open.map((o) => o.carrier), ...delivered.map((d) => d.carrier)])].sort(
    (a, b) => CARRIER_IDS.indexOf(a as CarrierId) - CARRIER_IDS.indexOf(b as CarrierId),
  );
  // The change each day made to a carrier's outstanding cash: deliveries add, entries take away.
  const change = new Map<string, number>();
  const key = (carrier: string, day: string) => `${carrier} ${day}`;
  for (const d of delivered) change.set(key(d.carrier, d.day), (change.get(key(d.carrier, d.day)) ?? 0) + n(d.amount));
  for (const e of entries) change.set(key(e.carrier, e.day), (change.get(key(e.carrier, e.day)) ?? 0) - n(e.amount));
  const values: Record<string, number[]> = {};
  for (const carrier of carriers) {
    let level = n(open.find((o) => o.carrier === carrier)?.amount);
    const series = new Array<number>(days);
    for (let i = days - 1; i >= 0; i--) {
      series[i] = level;
      level -= change.get(key(carrier, dayList[i])) ?? 0;
    }
    values[carrier] = series;
  }
  return { days: dayList, carriers, values };
}

/** The home page's figure: the cash carriers still owe the store, and for how many parcels. */
export async function cashStillToCollect(ctx: StoreContext): Promise<{ parcels: number; amount: number }> {
  const [row] = await db.$queryRaw<{ parcels: bigint; amount: bigint | null }[]>`
    SELECT count(*) AS parcels, sum(outstanding) AS amount FROM cod_collections
    WHERE "storeId" = ${ctx.storeId}::uuid AND outstanding <> 0 AND outstanding > 0`;
  return { parcels: n(row?.parcels), amount: n(row?.amount) };
}

export type CollectionRow = {
  id: string;
  orderNumber: number;
  carrier: string;
  trackingNumber: string;
  deliveredAt: Date;
  amount: number;
  collectedAt: Date | null;
  remitted: number;
  settled: number;
  outstanding: number;
  remittances: number;
};

/** Every collection, newest delivery first, a page at a time by keyset: the page's export. */
export async function* collectionPages(ctx: StoreContext, pageSize = 1000): AsyncIterable<CollectionRow[]> {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const cursor: { at: Date; id: string } | null = after;
    const rows: CollectionRow[] = await db.$queryRaw<CollectionRow[]>`
      SELECT c.id, o.number AS "orderNumber", c.carrier, c."trackingNumber", c."deliveredAt", c.amount, c."collectedAt", c.remitted, c.settled,
             c.outstanding, c.remittances
      FROM cod_collections c JOIN orders o ON o."storeId" = c."storeId" AND o.id = c."orderId"
      WHERE c."storeId" = ${ctx.storeId}::uuid
        AND (${cursor?.at ?? null}::timestamp IS NULL OR (c."deliveredAt", c.id) < (${cursor?.at ?? null}::timestamp, ${cursor?.id ?? null}::uuid))
      ORDER BY c."deliveredAt" DESC, c.id DESC LIMIT ${pageSize}`;
    if (!rows.length) return;
    yield rows;
    if (rows.length < pageSize) return;
    const last: CollectionRow = rows[rows.length - 1];
    after = { at: last.deliveredAt, id: last.id };
  }
}
