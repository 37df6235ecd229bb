"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { replyInput, replyToReview, setReviewStatus } from "@/server/reviews/manage-reviews";

const status = storeAction(
  { input: z.strictObject({ reviewId: z.uuid(), status: z.enum(["published", "hidden"]) }), permission: "reviews.manage" },
  async (input, ctx) => {
    await setReviewStatus(ctx, input.reviewId, input.status);
    return null;
  },
);
const reply = storeAction({ input: replyInput, permission: "reviews.manage" }, async (input, ctx) => {
  await replyToReview(ctx, input);
  return null;
});

export async function setReviewStatusAction(storeSlug: string, input: { reviewId: string; status: "published" | "hidden" }) {
  const result = await status(storeSlug, input);
  revalidatePath(`/s/${storeSlug}/reviews`);
  return result;
}

export async function replyToReviewAction(storeSlug: string, input: { reviewId: string; reply: string }) {
  const result = await reply(storeSlug, input);
  revalidatePath(`/s/${storeSlug}/reviews`);
  return result;
}
