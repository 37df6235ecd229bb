import { z } from "zod";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";

export const refundSettingsInput = z.strictObject({
  // Minor units; 0: staff may not refund.
  staffRefundLimit: z.number({ error: "must be an amount" }).int("must be an amount").min(0, "cannot be negative").max(100_000_000, "is too large"),
});

export type RefundSettings = { staffRefundLimit: number; currency: string };

export async function getRefundSettings(ctx: StoreContext): Promise<RefundSettings> {
  return db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { staffRefundLimit: true, currency: true } });
}

/** Owners and admins decide whether staff may refund, and up to how much at once. */
export async function saveRefundSettings(ctx: StoreContext, input: z.output<typeof refundSettingsInput>): Promise<RefundSettings> {
  return db.store.update({ where: { id: ctx.storeId }, data: { staffRefundLimit: input.staffRefundLimit }, select: { staffRefundLimit: true, currency: true } });
}
