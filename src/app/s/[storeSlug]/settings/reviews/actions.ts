"use server";

import { storeAction } from "@/server/actions/action-client";
import { saveReviewSettings } from "@/server/reviews/manage-review-settings";
import { reviewSettingsSchema } from "@/server/reviews/review-settings";

export const saveReviewSettingsAction = storeAction({ input: reviewSettingsSchema, permission: "settings.manage", revalidate: "store" }, (input, ctx) =>
  saveReviewSettings(ctx, input),
);
