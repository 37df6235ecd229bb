// Carriers' remittance statements: recorded once, matched line by line against the cash the store
// expects, reversed by entries that cancel their own; differences settled by a person with a note.
// Every change to a collection is made under its row lock (taken in id order), in one transaction with
// the entries and the orders' timelines.
import { createHash } from "node:crypto";
import type { StoreContext } from "@/server/auth/context";
import { db, type Tx } from "@/server/db/client";
import { AppError, issue, notFound } from "@/server/errors/app-error";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { isUuid, uuidv7 } from "@/server/ids";
import { minorUnitDigits } from "@/server/money/money";
import { orderEvent } from "@/server/orders/order-events";
import { readSheet } from "@/server/catalog/read-sheet";
import { z } from "zod";
import { CARRIER_IDS, CARRIERS, type CarrierId } from "@/server/shipping/carriers";
import { CarrierError, type RemittanceStatement } from "@/server/shipping/carrier-adapter";
import type { Prisma } from "@/generated/prisma/client";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { lineOutcome, totalsDiffer, type LineOutcome, type ParcelOnFile } from "./cod-rules";
import { columnsFor, linesFingerprint, MAX_STATEMENT_LINES, readStatement, type StatementProblem } from "./statement-columns";

export const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;
export const MAX_NOTE = 500;

/** A statement sent by the API: what a carrier's statement says, amounts in minor units. */
export const statementApiInput = z.strictObject({
  carrier: z.enum(CARRIER_IDS),
  reference: z.string().trim().min(1).max(100),
  statedTotal: z.number().int().min(0).max(2_000_000_000),
  paidOn: z.iso.date().optional(),
  lines: z
    .array(
      z.strictObject({
        trackingNumber: z
          .string()
          .trim()
          .min(1)
          .max(40)
          .transform((t) => t.toUpperCase()),
        amount: z.number().int().min(0).max(1_000_000_000),
      }),
    )
    .min(1)
    .max(MAX_STATEMENT_LINES),
});
export const noteInput = z.strictObject({ note: z.string().trim().min(1).max(MAX_NOTE) });

export type StatementInput = {
  carrier: CarrierId;
  /** The carrier's statement number; without one, the statement is known by its lines. */
  reference?: string | null;
  statedTotal?: number | null;
  paidOn?: string | null;
  lines: { trackingNumber: string; amount: number }[];
  source: "upload" | "carrier";
  fileName?: string | null;
};

export type StatementResult = {
  id: string;
  reference: string;
  duplicate: boolean;
  recordedAt: string;
  lineCount: number;
  matchedCount: number;
  mismatchCount: number;
};

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const actorOf = (ctx: StoreContext) => ({ actorId: ctx.actor.type === "USER" ? ctx.actor.id : null, actorName: ctx.actor.name });

function resultOf(row: { id: string; reference: string; createdAt: Date; lineCount: number; matchedCount: number; mismatchCount: number }, duplicate: boolean) {
  return {
    id: row.id,
    reference: row.reference,
    duplicate,
    recordedAt: row.createdAt.toISOString(),
    lineCount: row.lineCount,
    matchedCount: row.matchedCount,
    mismatchCount: row.mismatchCount,
  };
}

const liveStatement = (storeId: string, carrier: string, reference: string) =>
  db.codStatement.findFirst({ where: { storeId, carrier, reference, reversedAt: null } });

/**
 * Records a statement: refused whole when its lines do not add up to its stated total (the difference
 * said); the same statement again (its number, or its lines when it has none) changes nothing and says
 * so; otherwise each line is matched by tracking number, once, in the statement's order.
 */
export async function recordStatement(ctx: StoreContext, input: StatementInput): Promise<StatementResult> {
  if (input.statedTotal === null || input.statedTotal === undefined)
    throw new AppError("VALIDATION_FAILED", "The statement's total is required.", { fields: { statedTotal: issue("required") } });
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { currency: true } });
  const differ = totalsDiffer(input.statedTotal, input.lines);
  if (differ) {
    const money = (amount: number) => ({ money: amount, currency: store.currency });
    throw new AppError(
      "VALIDATION_FAILED",
      `The lines add up to ${differ.linesTotal}, not the stated total ${input.statedTotal} (a difference of ${differ.difference}).`,
      {
        fields: {
          statedTotal: issue("statementTotal", { lines: money(differ.linesTotal), stated: money(input.statedTotal), difference: money(differ.difference) }),
        },
      },
    );
  }
  const reference = input.reference?.trim().slice(0, 100) || linesFingerprint(input.lines, sha256);
  const before = await liveStatement(ctx.storeId, input.carrier, reference);
  if (before) return resultOf(before, true);
  try {
    const row = await db.$transaction((tx) => matchStatementInTx(tx, ctx, { ...input, reference, statedTotal: input.statedTotal!, currency: store.currency }), {
      timeout: 60_000,
    });
    return resultOf(row, false);
  } catch (error) {
    // The same statement recorded by someone else a moment before: theirs stands.
    if (!isUniqueViolation(error, "cod_statements_live_reference")) throw error;
    const theirs = await liveStatement(ctx.storeId, input.carrier, reference);
    if (!theirs) throw error;
    return resultOf(theirs, true);
  }
}

async function matchStatementInTx(tx: Tx, ctx: StoreContext, input: StatementInput & { reference: string; statedTotal: number; currency: string }) {
  const { storeId } = ctx;
  const statementId = uuidv7();
  // The statement first: the unique reference decides between two people sending the same one.
  await tx.codStatement.create({
    data: {
      storeId,
      id: statementId,
      carrier: input.carrier,
      reference: input.reference,
      statedTotal: input.statedTotal,
      currency: input.currency,
      lineCount: input.lines.length,
      matchedCount: 0,
      mismatchCount: 0,
      paidOn: input.paidOn ? new Date(`${input.paidOn}T00:00:00Z`) : null,
      source: input.source,
      fileName: input.fileName?.slice(0, 200) ?? null,
      createdById: ctx.actor.type === "USER" ? ctx.actor.id : null,
      createdByName: ctx.actor.name,
    },
  });
  const numbers = [...new Set(input.lines.map((l) => l.trackingNumber))];
  const collections = await tx.$queryRaw<{ id: string; orderId: string; trackingNumber: string; amount: number; remittances: number }[]>`
    SELECT id, "orderId", "trackingNumber", amount, remittances FROM cod_collections
    WHERE "storeId" = ${storeId}::uuid AND carrier = ${input.carrier} AND "trackingNumber" = ANY(${numbers})
    ORDER BY id FOR UPDATE`;
  const shipments = await tx.shipment.findMany({
    where: { storeId, carrier: input.carrier, trackingNumber: { in: numbers }, voidedAt: null },
    select: { orderId: true, trackingNumber: true, status: true },
  });
  const byNumber = new Map(collections.map((c) => [c.trackingNumber, c]));
  const paid = new Map<string, { amount: number; lines: number }>();
  const parcels = new Map(shipments.map((s) => [s.trackingNumber!, s]));
  const entries: Prisma.CodEntryCreateManyInput[] = [];
  const events: { orderId: string; amount: number; outcome: LineOutcome }[] = [];
  let matched = 0;
  input.lines.forEach((line, i) => {
    const collection = byNumber.get(line.trackingNumber);
    const shipment = parcels.get(line.trackingNumber);
    const parcel: ParcelOnFile = collection
      ? { kind: "collection", orderId: collection.orderId, collectionId: collection.id, amount: collection.amount, remittances: collection.remittances }
      : !shipment
        ? { kind: "none" }
        : shipment.status === "RETURNED"
          ? { kind: "returned", orderId: shipment.orderId }
          : { kind: "no_cash", orderId: shipment.orderId };
    const outcome = lineOutcome(parcel, line.amount);
    if (outcome === "MATCHED") matched++;
    if (collection) {
      // A second line for the same parcel in this very statement pays it twice too.
      collection.remittances++;
      const p = paid.get(collection.id) ?? { amount: 0, lines: 0 };
      paid.set(collection.id, { amount: p.amount + line.amount, lines: p.lines + 1 });
    }
    entries.push({
      storeId,
      carrier: input.carrier,
      kind: "REMITTANCE",
      amount: line.amount,
      statementId,
      lineNo: i + 1,
      trackingNumber: line.trackingNumber,
      outcome,
      collectionId: collection?.id ?? null,
      orderId: parcel.kind === "none" ? null : parcel.orderId,
      ...actorOf(ctx),
    });
    if (parcel.kind !== "none") events.push({ orderId: parcel.orderId, amount: line.amount, outcome });
  });
  await tx.codEntry.createMany({ data: entries });
  if (paid.size) await addToCollections(tx, storeId, paid, 1);
  if (events.length)
    await tx.orderEvent.createMany({
      data: events.map((e) => ({
        storeId,
        orderId: e.orderId,
        ...orderEvent("cod.remitted", {
          amount: e.amount,
          currency: input.currency,
          outcome: e.outcome as Exclude<LineOutcome, "UNKNOWN">,
          statement: input.reference,
        }),
        actorType: ctx.actor.type,
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
      })),
    });
  return tx.codStatement.update({
    where: { storeId_id: { storeId, id: statementId } },
    data: { matchedCount: matched, mismatchCount: input.lines.length - matched },
  });
}

/** Remittance lines added to (sign 1) or taken from (sign −1) collections already locked by the caller, in one statement. */
async function addToCollections(tx: Tx, storeId: string, lines: Map<string, { amount: number; lines: number }>, sign: 1 | -1) {
  const ids = [...lines.keys()];
  const amounts = ids.map((id) => sign * lines.get(id)!.amount);
  const counts = ids.map((id) => sign * lines.get(id)!.lines);
  await tx.$executeRaw`
    UPDATE cod_collections c SET remitted = c.remitted + v.amount, remittances = c.remittances + v.lines, outstanding = c.outstanding - v.amount
    FROM unnest(${ids}::uuid[], ${amounts}::int[], ${counts}::int[]) AS v(id, amount, lines)
    WHERE c."storeId" = ${storeId}::uuid AND c.id = v.id`;
}

/**
 * A statement file (CSV or Excel) read by the store's columns for the carrier, then recorded. The
 * statement's number and total come from the form when given, else from the file (its number column, a
 * "Total" row). A file that cannot be read is refused with every problem and its row.
 */
export async function uploadStatement(
  ctx: StoreContext,
  input: { carrier: CarrierId; fileName: string; bytes: Uint8Array; reference?: string | null; statedTotal?: number | null },
): Promise<StatementResult> {
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { currency: true, codStatementColumns: true } });
  const sheet = await readSheet(input.bytes);
  const problems: StatementProblem[] = sheet.problems.map((p) => ({
    row: p.row,
    rule: p.rule === "tooManyRows" ? "tooManyRows" : "unreadable",
    params: p.params,
  }));
  const read = problems.length ? null : readStatement(sheet, columnsFor(store.codStatementColumns, input.carrier), minorUnitDigits(store.currency));
  if (read) problems.push(...read.problems);
  if (!read || problems.length)
    throw new AppError("VALIDATION_FAILED", `The statement file has ${problems.length} problem(s); nothing was recorded.`, {
      say: { key: "statementProblems", params: { n: problems.length } },
      details: { problems: problems.slice(0, 50) },
    });
  return recordStatement(ctx, {
    carrier: input.carrier,
    reference: input.reference?.trim() || read.reference,
    statedTotal: input.statedTotal ?? read.statedTotal,
    paidOn: read.paidOn,
    lines: read.lines,
    source: "upload",
    fileName: input.fileName,
  });
}

/** The carrier's statements for this store, fetched through its adapter and each recorded (or found recorded). */
export async function fetchCarrierStatements(ctx: StoreContext, carrier: CarrierId): Promise<{ recorded: StatementResult[]; already: StatementResult[] }> {
  let statements: RemittanceStatement[];
  try {
    statements = await carrierAdapters()[carrier].fetchRemittances(ctx.storeId);
  } catch (error) {
    if (!(error instanceof CarrierError)) throw error;
    throw new AppError("CARRIER_ERROR", `${CARRIERS[carrier].name} did not answer: ${error.message}`, {
      say: { key: "carrierStatementsUnavailable", params: { carrier: { carrier } } },
    });
  }
  const recorded: StatementResult[] = [];
  const already: StatementResult[] = [];
  for (const s of statements) {
    const result = await recordStatement(ctx, {
      carrier,
      reference: s.reference,
      statedTotal: s.total,
      paidOn: s.paidOn,
      lines: s.lines,
      source: "carrier",
    });
    (result.duplicate ? already : recorded).push(result);
  }
  return { recorded, already };
}

/**
 * Takes a statement back (recorded for the wrong carrier, or the carrier withdrew it): an entry cancelling
 * each of its lines, never an edit. Once: a conditional update decides; the same statement may then be
 * recorded again.
 */
export async function reverseStatement(ctx: StoreContext, statementId: string, note: string) {
  if (!isUuid(statementId)) throw notFound("Statement");
  return db.$transaction(
    async (tx) => {
      const { count } = await tx.codStatement.updateMany({
        where: { storeId: ctx.storeId, id: statementId, reversedAt: null },
        data: { reversedAt: new Date(), reversedByName: ctx.actor.name, reversalNote: note },
      });
      if (!count) {
        const exists = await tx.codStatement.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: statementId } }, select: { id: true } });
        if (!exists) throw notFound("Statement");
        throw new AppError("CONFLICT", "This statement was already reversed.", { say: { key: "statementReversed" } });
      }
      const statement = await tx.codStatement.findUniqueOrThrow({ where: { storeId_id: { storeId: ctx.storeId, id: statementId } } });
      const lines = await tx.codEntry.findMany({
        where: { storeId: ctx.storeId, statementId, kind: "REMITTANCE" },
        select: { id: true, amount: true, collectionId: true, orderId: true, trackingNumber: true, carrier: true },
      });
      const ids = [...new Set(lines.flatMap((l) => (l.collectionId ? [l.collectionId] : [])))].sort();
      if (ids.length)
        await tx.$queryRaw`SELECT id FROM cod_collections WHERE "storeId" = ${ctx.storeId}::uuid AND id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
      await tx.codEntry.createMany({
        data: lines.map((l) => ({
          storeId: ctx.storeId,
          carrier: l.carrier,
          kind: "REVERSAL" as const,
          amount: -l.amount,
          statementId,
          trackingNumber: l.trackingNumber,
          collectionId: l.collectionId,
          orderId: l.orderId,
          reversesId: l.id,
          note,
          ...actorOf(ctx),
        })),
      });
      const back = new Map<string, { amount: number; lines: number }>();
      for (const l of lines)
        if (l.collectionId) {
          const b = back.get(l.collectionId) ?? { amount: 0, lines: 0 };
          back.set(l.collectionId, { amount: b.amount + l.amount, lines: b.lines + 1 });
        }
      if (back.size) await addToCollections(tx, ctx.storeId, back, -1);
      const withOrder = lines.filter((l) => l.orderId);
      if (withOrder.length)
        await tx.orderEvent.createMany({
          data: withOrder.map((l) => ({
            storeId: ctx.storeId,
            orderId: l.orderId!,
            ...orderEvent("cod.reversed", { amount: l.amount, currency: statement.currency, statement: statement.reference }),
            actorType: ctx.actor.type,
            actorId: ctx.actor.id,
            actorName: ctx.actor.name,
          })),
        });
      return { id: statement.id, reference: statement.reference, reversedLines: lines.length };
    },
    { timeout: 60_000 },
  );
}

/**
 * Closes a collection's difference (short, over, paid twice, or cash that will never come) with a note:
 * an entry of what is written off, under the collection's lock; the collection then balances. Settling
 * what already balances is refused — someone settled it first.
 */
export async function settleCollection(ctx: StoreContext, collectionId: string, note: string) {
  if (!isUuid(collectionId)) throw notFound("Collection");
  return db.$transaction(async (tx) => {
    const [c] = await tx.$queryRaw<{ id: string; orderId: string; carrier: string; trackingNumber: string; outstanding: number; currency: string }[]>`
      SELECT id, "orderId", carrier, "trackingNumber", outstanding, currency FROM cod_collections
      WHERE "storeId" = ${ctx.storeId}::uuid AND id = ${collectionId}::uuid FOR UPDATE`;
    if (!c) throw notFound("Collection");
    if (c.outstanding === 0) throw new AppError("CONFLICT", "This cash already balances: nothing to settle.", { say: { key: "codNothingToSettle" } });
    await tx.codEntry.create({
      data: {
        storeId: ctx.storeId,
        carrier: c.carrier,
        kind: "SETTLEMENT",
        amount: c.outstanding,
        trackingNumber: c.trackingNumber,
        collectionId: c.id,
        orderId: c.orderId,
        note,
        ...actorOf(ctx),
      },
    });
    await tx.codCollection.update({
      where: { storeId_id: { storeId: ctx.storeId, id: c.id } },
      data: { settled: { increment: c.outstanding }, outstanding: 0 },
    });
    await tx.orderEvent.create({
      data: {
        storeId: ctx.storeId,
        orderId: c.orderId,
        ...orderEvent("cod.settled", { amount: c.outstanding, currency: c.currency, note }),
        actorType: ctx.actor.type,
        actorId: ctx.actor.id,
        actorName: ctx.actor.name,
      },
    });
    return { id: c.id, settled: c.outstanding };
  });
}

/**
 * Closes a line that matched no cash the store expected (an unknown tracking number, a parcel that came
 * back, one with nothing to collect) with a note — what was done about the money. Once per line (its lock,
 * and a unique key behind it); a reversed line is closed already.
 */
export async function settleLine(ctx: StoreContext, entryId: string, note: string) {
  if (!isUuid(entryId)) throw notFound("Statement line");
  return db.$transaction(async (tx) => {
    const [line] = await tx.$queryRaw<
      { id: string; carrier: string; trackingNumber: string | null; orderId: string | null; collectionId: string | null; kind: string }[]
    >`
      SELECT id, carrier, "trackingNumber", "orderId", "collectionId", kind::text FROM cod_entries
      WHERE "storeId" = ${ctx.storeId}::uuid AND id = ${entryId}::uuid FOR UPDATE`;
    if (!line || line.kind !== "REMITTANCE" || line.collectionId) throw notFound("Statement line");
    const closed = await tx.codEntry.findFirst({
      where: { storeId: ctx.storeId, OR: [{ settlesId: line.id }, { reversesId: line.id }] },
      select: { id: true },
    });
    if (closed) throw new AppError("CONFLICT", "This line was already settled.", { say: { key: "codLineSettled" } });
    await tx.codEntry.create({
      data: {
        storeId: ctx.storeId,
        carrier: line.carrier,
        kind: "SETTLEMENT",
        amount: 0,
        trackingNumber: line.trackingNumber,
        orderId: line.orderId,
        settlesId: line.id,
        note,
        ...actorOf(ctx),
      },
    });
    return { id: line.id };
  });
}
