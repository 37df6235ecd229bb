import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { readRiskSettings, type StoreRiskSettings } from "./risk-settings";

export async function getRiskSettings(ctx: StoreContext): Promise<StoreRiskSettings> {
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { riskSettings: true } });
  return readRiskSettings(store.riskSettings);
}

/** One document, replaced whole: the last save wins. */
export async function saveRiskSettings(ctx: StoreContext, input: StoreRiskSettings): Promise<void> {
  await db.store.update({ where: { id: ctx.storeId }, data: { riskSettings: input } });
}
