import { z } from "zod";
import { db, type Db, type Tx } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError } from "@/server/errors/app-error";

/** Settings → Shipping → Packing, kept as one JSON document per store (defaults filled in). */
export const packingSettingsSchema = z.strictObject({
  /** Every unit scanned at the packing station before a label can be bought. */
  requireScan: z.boolean().default(false),
});
export type PackingSettings = z.output<typeof packingSettingsSchema>;

export function readPackingSettings(json: unknown): PackingSettings {
  const parsed = packingSettingsSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : packingSettingsSchema.parse({});
}

export async function getPackingSettings(ctx: Pick<StoreContext, "storeId">, client: Db | Tx = db): Promise<PackingSettings> {
  const store = await client.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { packingSettings: true } });
  return readPackingSettings(store.packingSettings);
}

/** Saves the settings given, each on its own (one `||` on the document: two switches at once both land). */
export async function savePackingSettings(ctx: StoreContext, input: Partial<PackingSettings>): Promise<PackingSettings> {
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  await db.$executeRaw`UPDATE stores SET "packingSettings" = "packingSettings" || ${JSON.stringify(patch)}::jsonb WHERE id = ${ctx.storeId}::uuid`;
  return getPackingSettings(ctx);
}

/**
 * A label for an order that was not scanned whole, where the store requires it: refused. Read under the
 * order's row lock (the caller's), and packing takes the same lock, so the answer holds until the label commits.
 */
export async function assertPackedForLabel(tx: Tx, storeId: string, orderId: string): Promise<void> {
  const settings = await getPackingSettings({ storeId }, tx);
  if (!settings.requireScan) return;
  const [last] = await tx.$queryRaw<{ scannedUnits: number; totalUnits: number }[]>`
    SELECT "scannedUnits", "totalUnits" FROM order_packs WHERE "storeId" = ${storeId}::uuid AND "orderId" = ${orderId}::uuid
    ORDER BY "createdAt" DESC, id DESC LIMIT 1`;
  if (!last || last.scannedUnits < last.totalUnits)
    throw new AppError("PACK_INCOMPLETE", "This store scans every unit at the packing station before a label is bought.", {
      say: { key: "packNeedsScan" },
    });
}
