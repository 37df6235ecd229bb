import { csvLine } from "@/lib/csv";
import { z } from "zod";
import { minorUnitDigits } from "@/server/money/money";
import { formatOrderNumber } from "@/server/orders/order-number";
import { rule } from "@/server/http/validation";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue } from "@/server/errors/app-error";
import { can } from "@/server/auth/permissions";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import type { Prisma } from "@/generated/prisma/client";
import { NEW_WALLET, ensureWallet } from "./ledger";

export type WalletDto = { balance: number; currency: string; lowBalanceThreshold: number; low: boolean; adminsMayTopUp: boolean };

/**
 * The store's wallet as the order page and the wallet page show it. Read only: a store whose wallet has never
 * moved shows what its wallet will start with (the row is made by the first movement, under its lock), so a
 * page view writes nothing. Two reads side by side (the ORM made an insert and two reads one after another).
 */
export async function getWallet(ctx: StoreContext): Promise<WalletDto> {
  const [w, store] = await Promise.all([
    db.wallet.findUnique({ where: { storeId: ctx.storeId }, select: { balance: true, currency: true, lowBalanceThreshold: true } }),
    db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { adminsMayTopUp: true, currency: true } }),
  ]);
  const wallet = w ?? { ...NEW_WALLET, currency: store.currency };
  return {
    balance: wallet.balance,
    currency: wallet.currency,
    lowBalanceThreshold: wallet.lowBalanceThreshold,
    low: wallet.balance < wallet.lowBalanceThreshold,
    adminsMayTopUp: store.adminsMayTopUp,
  };
}

/** Who puts money in: the owner, and admins when the owner allows it. */
export function mayTopUp(role: StoreContext["role"], adminsMayTopUp: boolean): boolean {
  return can(role, "wallet.topUp") || (role === "ADMIN" && adminsMayTopUp);
}

export const lowBalanceInput = z.strictObject({
  lowBalanceThreshold: z
    .number({ error: rule("amount") })
    .int(rule("amount"))
    .min(0, rule("notNegative"))
    .max(100_000_000, rule("atMostAmount", { amount: { money: 100_000_000, currency: "SAR" } })),
});

/** The balance under which the wallet warns (owners and admins): labels are refused only when it runs out. */
export async function setLowBalanceThreshold(ctx: StoreContext, input: z.output<typeof lowBalanceInput>): Promise<WalletDto> {
  await ensureWallet(db, ctx.storeId);
  await db.wallet.update({ where: { storeId: ctx.storeId }, data: { lowBalanceThreshold: input.lowBalanceThreshold } });
  return getWallet(ctx);
}

export const adminsMayTopUpInput = z.strictObject({ adminsMayTopUp: z.boolean() });

/** The owner's choice: may admins top up the wallet too? */
export async function setAdminsMayTopUp(ctx: StoreContext, input: z.output<typeof adminsMayTopUpInput>): Promise<WalletDto> {
  await db.store.update({ where: { id: ctx.storeId }, data: { adminsMayTopUp: input.adminsMayTopUp } });
  return getWallet(ctx);
}

export const walletEntriesQuery = z.object({
  kind: z.enum(["top_up", "label", "refund", "adjustment"]).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export type WalletEntryDto = {
  id: string;
  kind: string;
  amount: number;
  balanceAfter: number;
  currency: string;
  orderId: string | null;
  orderNumber: number | null;
  shipmentId: string | null;
  reference: string | null;
  createdAt: string;
};

/** The ledger, newest first, by keyset. */
export async function listWalletEntries(ctx: StoreContext, query: z.output<typeof walletEntriesQuery>) {
  const and: Prisma.WalletEntryWhereInput[] = [];
  if (query.kind) and.push({ kind: query.kind.toUpperCase() as "TOP_UP" });
  if (query.from) and.push({ createdAt: { gte: new Date(`${query.from}T00:00:00Z`) } });
  if (query.to) and.push({ createdAt: { lt: new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000) } });
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    if (!c) throw new AppError("VALIDATION_FAILED", "The cursor is not valid.", { fields: { cursor: issue("badCursor") } });
    and.push({ createdAt: { lte: c.at } }, { OR: [{ createdAt: { lt: c.at } }, { id: { lt: c.id } }] });
  }
  const rows = await db.walletEntry.findMany({
    where: { storeId: ctx.storeId, AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  // Rows name their order by its number, as people know it: one query for the page.
  const orderIds = [...new Set(page.map((e) => e.orderId).filter((id): id is string => !!id))];
  const [numbers, wallet] = await Promise.all([
    orderIds.length ? db.order.findMany({ where: { storeId: ctx.storeId, id: { in: orderIds } }, select: { id: true, number: true } }) : [],
    db.wallet.findUnique({ where: { storeId: ctx.storeId }, select: { currency: true } }),
  ]);
  const numberOf = new Map(numbers.map((o) => [o.id, o.number]));
  return {
    data: page.map((e): WalletEntryDto => ({
      id: e.id,
      kind: e.kind.toLowerCase(),
      amount: e.amount,
      balanceAfter: e.balanceAfter,
      currency: wallet?.currency ?? "SAR",
      orderId: e.orderId,
      orderNumber: e.orderId ? (numberOf.get(e.orderId) ?? null) : null,
      shipmentId: e.shipmentId,
      reference: e.reference,
      createdAt: e.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** The ledger as CSV: one line per entry, amounts in the currency's units (riyals, "-17.00"), orders by number. */
export function walletEntriesCsv(entries: WalletEntryDto[]): string {
  const units = (minor: number, currency: string) => {
    const digits = minorUnitDigits(currency);
    const sign = minor < 0 ? "-" : "";
    const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
    return digits ? `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}` : `${sign}${abs}`;
  };
  const header = ["date", "kind", "amount", "balance_after", "currency", "order_number", "order_id", "shipment_id", "reference"];
  const line = (e: WalletEntryDto) => [
    e.createdAt,
    e.kind,
    units(e.amount, e.currency),
    units(e.balanceAfter, e.currency),
    e.currency,
    e.orderNumber ? formatOrderNumber(e.orderNumber) : "",
    e.orderId,
    e.shipmentId,
    e.reference,
  ];
  return [header.join(",") + "\r\n", ...entries.map((e) => csvLine(line(e).map((v) => (v === null || v === undefined ? "" : String(v)))))].join("");
}
