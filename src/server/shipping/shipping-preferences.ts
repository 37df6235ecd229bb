import { z } from "zod";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { readPackingSettings, savePackingSettings } from "@/server/packing/packing-settings";

/** Each preference on its own (each is saved as soon as it is switched). */
export const shippingPreferencesInput = z
  .strictObject({ carriersUpdateStatus: z.boolean().optional(), refuseIncompleteAddress: z.boolean().optional(), requireScanToPack: z.boolean().optional() })
  .refine((p) => p.carriersUpdateStatus !== undefined || p.refuseIncompleteAddress !== undefined || p.requireScanToPack !== undefined, {
    message: "nothing to save",
  });

export async function getShippingPreferences(ctx: Pick<StoreContext, "storeId">) {
  const store = await db.store.findUniqueOrThrow({
    where: { id: ctx.storeId },
    select: { carriersUpdateStatus: true, nationalAddressRule: true, packingSettings: true },
  });
  return {
    carriersUpdateStatus: store.carriersUpdateStatus,
    refuseIncompleteAddress: store.nationalAddressRule === "refuse",
    requireScanToPack: readPackingSettings(store.packingSettings).requireScan,
  };
}

/**
 * Whether carriers' status webhooks may move the store's orders (out for delivery, delivered, returned),
 * and whether a label is refused, not only warned of, for a carrier that needs the national address when
 * the order's is incomplete, and whether every unit is scanned at the packing station before a label can be bought.
 */
export async function saveShippingPreferences(ctx: StoreContext, input: z.output<typeof shippingPreferencesInput>): Promise<void> {
  if (input.requireScanToPack !== undefined) await savePackingSettings(ctx, { requireScan: input.requireScanToPack });
  await db.store.update({
    where: { id: ctx.storeId },
    data: {
      ...(input.carriersUpdateStatus !== undefined ? { carriersUpdateStatus: input.carriersUpdateStatus } : {}),
      ...(input.refuseIncompleteAddress !== undefined ? { nationalAddressRule: input.refuseIncompleteAddress ? "refuse" : "warn" } : {}),
    },
  });
}
