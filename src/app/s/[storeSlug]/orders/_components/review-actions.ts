"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { sendReviewRequestNow } from "@/server/reviews/review-requests";

const sendNow = storeAction({ input: z.strictObject({ orderId: z.uuid() }), permission: "reviews.manage" }, async (input, ctx) => ({
  status: (await sendReviewRequestNow(ctx, input.orderId)).status,
}));

export async function sendReviewRequestNowAction(storeSlug: string, input: { orderId: string }) {
  const result = await sendNow(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}
