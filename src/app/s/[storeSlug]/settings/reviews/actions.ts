"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { saveReviewSettings } from "@/server/reviews/manage-review-settings";
import { reviewSettingsSchema } from "@/server/reviews/review-settings";

const save = storeAction({ input: reviewSettingsSchema, permission: "settings.manage" }, (input, ctx) => saveReviewSettings(ctx, input));

export async function saveReviewSettingsAction(storeSlug: string, input: z.input<typeof reviewSettingsSchema>) {
  const result = await save(storeSlug, input);
  if (result.ok) revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}
