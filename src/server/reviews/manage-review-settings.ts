import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { readReviewSettings, reviewSettingsSchema, type ReviewSettings } from "./review-settings";

export async function getReviewSettings(ctx: StoreContext): Promise<ReviewSettings> {
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { reviewSettings: true } });
  return readReviewSettings(store.reviewSettings);
}

/** Owners and admins: saved whole, checked by the same schema it is read with. */
export async function saveReviewSettings(ctx: StoreContext, input: ReviewSettings): Promise<ReviewSettings> {
  const settings = reviewSettingsSchema.parse(input);
  await db.store.update({ where: { id: ctx.storeId }, data: { reviewSettings: settings } });
  return settings;
}
