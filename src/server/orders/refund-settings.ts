import { z } from "zod";
import { rule } from "@/server/http/validation";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";

export const refundSettingsInput = z.strictObject({
  // Minor units; 0: staff may not refund.
  staffRefundLimit: z
    .number({ error: rule("amount") })
    .int(rule("amount"))
    .min(0, rule("notNegative"))
    .max(100_000_000, rule("tooLarge")),
});

export type RefundSettings = { staffRefundLimit: number; currency: string };

export async function getRefundSettings(ctx: StoreContext): Promise<RefundSettings> {
  return db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { staffRefundLimit: true, currency: true } });
}

/** Owners and admins decide whether staff may refund, and up to how much at once. */
export async function saveRefundSettings(ctx: StoreContext, input: z.output<typeof refundSettingsInput>): Promise<RefundSettings> {
  return db.store.update({
    where: { id: ctx.storeId },
    data: { staffRefundLimit: input.staffRefundLimit },
    select: { staffRefundLimit: true, currency: true },
  });
}
