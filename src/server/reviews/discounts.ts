import { z } from "zod";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue } from "@/server/errors/app-error";
import { phoneInput } from "@/lib/phone";
import { discountAmount, normalizeCode } from "./discount-rules";

export const redeemInput = z.strictObject({
  code: z.string().trim().min(1).max(40),
  orderTotal: z.number().int().min(0).max(1_000_000_000),
  customerPhone: phoneInput,
});

/**
 * The storefront applies a thank-you code at checkout. One conditional UPDATE decides: of two checkouts
 * racing with the same code exactly one gets it. A code belongs to its customer: for anyone else it is
 * unknown.
 */
export async function redeemDiscount(ctx: StoreContext, input: z.output<typeof redeemInput>, now = new Date()) {
  const rows = await db.$queryRaw<{ id: string; kind: string; value: number }[]>`
    UPDATE discount_codes d SET "usedAt" = ${now}::timestamp, "usedOrderTotal" = ${input.orderTotal}
    FROM customers c
    WHERE d."storeId" = ${ctx.storeId}::uuid AND d.code = ANY(${candidates(input.code)}::text[])
      AND c."storeId" = d."storeId" AND c.id = d."customerId" AND c.phone = ${input.customerPhone}
      AND d."usedAt" IS NULL AND d."expiresAt" > ${now}::timestamp AND d."minOrder" <= ${input.orderTotal}
    RETURNING d.id, d.kind, d.value`;
  if (rows[0]) {
    const code = rows[0];
    return { code: input.code.toUpperCase(), kind: code.kind, value: code.value, amount: discountAmount(code, input.orderTotal) };
  }
  // Not applied: say why, in the words a checkout can show.
  const found = await db.discountCode.findFirst({
    where: { storeId: ctx.storeId, code: { in: candidates(input.code) } },
    select: { usedAt: true, expiresAt: true, minOrder: true, customerId: true },
  });
  const owner = found && (await db.customer.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: found.customerId } }, select: { phone: true } }));
  if (!found || owner?.phone !== input.customerPhone)
    throw new AppError("DISCOUNT_UNKNOWN", "This discount code does not exist.", { fields: { code: issue("discountUnknown") } });
  if (found.usedAt) throw new AppError("DISCOUNT_USED", "This discount code was already used.", { fields: { code: issue("discountUsed") } });
  if (found.expiresAt <= now)
    throw new AppError("DISCOUNT_EXPIRED", `This discount code expired on ${found.expiresAt.toISOString().slice(0, 10)}.`, {
      fields: { code: issue("discountExpired") },
      say: { key: "discountExpiredOn", params: { date: found.expiresAt.toISOString().slice(0, 10) } },
    });
  throw new AppError("DISCOUNT_BELOW_MINIMUM", "The order is below this code's minimum.", {
    fields: { orderTotal: issue("atLeast", { n: found.minOrder }) },
    details: { minOrder: found.minOrder },
  });
}

// Stored codes keep their dash ("THX-ABCD2345"); people type them any way.
function candidates(typed: string): string[] {
  const n = normalizeCode(typed);
  return [n, n.length > 3 ? `${n.slice(0, 3)}-${n.slice(3)}` : n];
}

export type DiscountDto = {
  id: string;
  code: string;
  kind: string;
  value: number;
  minOrder: number;
  expiresAt: string;
  expired: boolean;
  usedAt: string | null;
  usedOrderTotal: number | null;
  customer: { id: string; name: string };
  orderNumber: number | null;
};

/** The merchant's Discounts list: every thank-you code, newest first. */
export async function listDiscounts(ctx: StoreContext, options: { limit?: number; now?: Date } = {}): Promise<DiscountDto[]> {
  const now = options.now ?? new Date();
  const rows = await db.discountCode.findMany({
    where: { storeId: ctx.storeId },
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 200,
    include: { request: { select: { order: { select: { number: true, customerName: true } } } } },
  });
  return rows.map((d) => ({
    id: d.id,
    code: d.code,
    kind: d.kind,
    value: d.value,
    minOrder: d.minOrder,
    expiresAt: d.expiresAt.toISOString(),
    expired: d.expiresAt <= now,
    usedAt: d.usedAt?.toISOString() ?? null,
    usedOrderTotal: d.usedOrderTotal,
    customer: { id: d.customerId, name: d.request.order.customerName },
    orderNumber: d.request.order.number,
  }));
}
