import { z } from "zod";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";

export const shippingPreferencesInput = z.strictObject({ carriersUpdateStatus: z.boolean() });

export async function getShippingPreferences(ctx: StoreContext) {
  return db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { carriersUpdateStatus: true } });
}

/** Whether carriers' status webhooks may move the store's orders (out for delivery, delivered, returned). */
export async function saveShippingPreferences(ctx: StoreContext, input: z.output<typeof shippingPreferencesInput>): Promise<void> {
  await db.store.update({ where: { id: ctx.storeId }, data: { carriersUpdateStatus: input.carriersUpdateStatus } });
}
