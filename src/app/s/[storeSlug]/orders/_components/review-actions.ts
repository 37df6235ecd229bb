"use server";

import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { sendReviewRequestNow } from "@/server/reviews/review-requests";

export const sendReviewRequestNowAction = storeAction(
  { input: z.strictObject({ orderId: z.uuid() }), permission: "reviews.manage", revalidate: "store" },
  async (input, ctx) => ({
    status: (await sendReviewRequestNow(ctx, input.orderId)).status,
  }),
);
