// The Messages page: what customers wrote (the inbox) and what the store sent them (SMS and WhatsApp, with
// each message's status and price), newest first by keyset, and this month's spend per channel on the store's
// clock. Staff limited to their assigned orders see the messages of those orders only.
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue } from "@/server/errors/app-error";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { instantOf, localDate } from "@/server/time/zoned";

export const MESSAGE_BOXES = ["inbox", "sent"] as const;
export type MessageBox = (typeof MESSAGE_BOXES)[number];
const PAGE = 50;

type OrderRef = { id: string; number: number } | null;
export type InboxMessageDto = {
  id: string;
  at: string;
  channel: "sms" | "whatsapp";
  from: string;
  body: string;
  intent: "confirm" | "cancel" | null;
  customer: { id: string; name: string } | null;
  order: OrderRef;
};
export type SentMessageDto = {
  id: string;
  at: string;
  channel: "sms" | "whatsapp";
  to: string;
  body: string;
  status: string;
  error: string | null;
  price: { micros: number; unit: string } | null;
  estimate: number | null;
  order: OrderRef;
};
export type SpendDto = { channel: "sms" | "whatsapp"; unit: string | null; messages: number; micros: number };

/** Who may see which messages: all of the store's, or those of the orders assigned to this person. */
function scope(ctx: StoreContext, table: Prisma.Sql): Prisma.Sql {
  if (!ctx.onlyAssigned) return Prisma.sql`${table}."storeId" = ${ctx.storeId}::uuid`;
  if (ctx.actor.type !== "USER") return Prisma.sql`false`;
  return Prisma.sql`${table}."storeId" = ${ctx.storeId}::uuid AND o."assigneeId" = ${ctx.actor.id}::uuid`;
}

function after(cursor: string | undefined, at: Prisma.Sql, table: Prisma.Sql): Prisma.Sql {
  if (!cursor) return Prisma.sql`true`;
  const c = decodeCursor(cursor);
  if (!c) throw new AppError("VALIDATION_FAILED", "The cursor is not valid.", { fields: { cursor: issue("badCursor") } });
  return Prisma.sql`(${at}, ${table}.id) < (${c.at}::timestamp, ${c.id}::uuid)`;
}

/** A page of rows read one past its size: the rows, and the cursor after the last when there are more. */
function keysetPage<R extends { id: string; at: Date }, T>(rows: R[], map: (row: R) => T): { data: T[]; nextCursor: string | null } {
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  return { data: page.map(map), nextCursor: rows.length > PAGE && last ? encodeCursor({ at: last.at, id: last.id }) : null };
}

const channelOf = (c: string) => (c === "WHATSAPP" ? ("whatsapp" as const) : ("sms" as const));
const orderOf = (id: string | null, number: number | null): OrderRef => (id && number !== null ? { id, number } : null);

export async function listInbox(ctx: StoreContext, cursor?: string): Promise<{ data: InboxMessageDto[]; nextCursor: string | null }> {
  const m = Prisma.sql`m`;
  const rows = await db.$queryRaw<
    {
      id: string;
      at: Date;
      channel: string;
      from: string;
      body: string;
      intent: string | null;
      customerId: string | null;
      customerName: string | null;
      orderId: string | null;
      number: number | null;
    }[]
  >`
    SELECT m.id, m."receivedAt" AS at, m.channel::text AS channel, m."from", m.body, m.intent, m."customerId", c.name AS "customerName", m."orderId", o.number
    FROM inbound_messages m
    LEFT JOIN customers c ON c."storeId" = m."storeId" AND c.id = m."customerId"
    LEFT JOIN orders o ON o."storeId" = m."storeId" AND o.id = m."orderId"
    WHERE ${scope(ctx, m)} AND ${after(cursor, Prisma.sql`m."receivedAt"`, m)}
    ORDER BY m."receivedAt" DESC, m.id DESC
    LIMIT ${PAGE + 1}`;
  return keysetPage(rows, (r) => ({
    id: r.id,
    at: r.at.toISOString(),
    channel: channelOf(r.channel),
    from: r.from,
    body: r.body,
    intent: r.intent === "confirm" || r.intent === "cancel" ? r.intent : null,
    customer: r.customerId && r.customerName ? { id: r.customerId, name: r.customerName } : null,
    order: orderOf(r.orderId, r.number),
  }));
}

export async function listSent(ctx: StoreContext, cursor?: string): Promise<{ data: SentMessageDto[]; nextCursor: string | null }> {
  const m = Prisma.sql`m`;
  const rows = await db.$queryRaw<
    {
      id: string;
      at: Date;
      channel: string;
      to: string;
      body: string;
      status: string;
      error: string | null;
      priceMicros: number | null;
      priceUnit: string | null;
      estimateMicros: number | null;
      orderId: string | null;
      number: number | null;
    }[]
  >`
    SELECT m.id, m."createdAt" AS at, m.channel::text AS channel, m."to", m.body, m.status::text AS status, m.error, m."priceMicros", m."priceUnit", m."estimateMicros",
      m."orderId", o.number
    FROM sms_messages m
    LEFT JOIN orders o ON o."storeId" = m."storeId" AND o.id = m."orderId"
    WHERE ${scope(ctx, m)} AND ${after(cursor, Prisma.sql`m."createdAt"`, m)}
    ORDER BY m."createdAt" DESC, m.id DESC
    LIMIT ${PAGE + 1}`;
  return keysetPage(rows, (r) => ({
    id: r.id,
    at: r.at.toISOString(),
    channel: channelOf(r.channel),
    to: r.to,
    body: r.body,
    status: r.status.toLowerCase(),
    error: r.error,
    price: r.priceMicros !== null && r.priceUnit ? { micros: r.priceMicros, unit: r.priceUnit } : null,
    estimate: r.estimateMicros,
    order: orderOf(r.orderId, r.number),
  }));
}

/** This month's messages and what the provider charged for them, per channel (and unit), on the store's clock. */
export async function monthSpend(ctx: StoreContext, now = new Date()): Promise<SpendDto[]> {
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { timeZone: true } });
  const today = localDate(now, store.timeZone);
  const from = instantOf({ year: today.year, month: today.month, day: 1 }, 0, store.timeZone);
  const rows = await db.$queryRaw<{ channel: string; unit: string | null; messages: bigint; micros: bigint | null }[]>`
    SELECT channel::text AS channel, "priceUnit" AS unit, count(*) AS messages, sum("priceMicros") AS micros
    FROM sms_messages
    WHERE "storeId" = ${ctx.storeId}::uuid AND "createdAt" >= ${from}::timestamp AND status NOT IN ('PENDING', 'NOT_CONFIGURED')
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows.map((r) => ({ channel: channelOf(r.channel), unit: r.unit, messages: Number(r.messages), micros: Number(r.micros ?? 0) }));
}
