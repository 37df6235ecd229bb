"use server";

import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { replyInput, replyToReview, setReviewStatus } from "@/server/reviews/manage-reviews";

const reviews = (storeSlug: string) => `/s/${storeSlug}/reviews`;

export const setReviewStatusAction = storeAction(
  { input: z.strictObject({ reviewId: z.uuid(), status: z.enum(["published", "hidden"]) }), permission: "reviews.manage", revalidate: reviews },
  async (input, ctx) => {
    await setReviewStatus(ctx, input.reviewId, input.status);
    return null;
  },
);

export const replyToReviewAction = storeAction({ input: replyInput, permission: "reviews.manage", revalidate: reviews }, async (input, ctx) => {
  await replyToReview(ctx, input);
  return null;
});
