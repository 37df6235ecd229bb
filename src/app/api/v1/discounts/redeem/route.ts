import { apiRoute, json } from "@/server/http/api-route";
import { redeemDiscount, redeemInput } from "@/server/reviews/discounts";

/** The storefront's checkout applies a thank-you code: once, even when two checkouts race. */
export const POST = apiRoute("orders.create", async ({ ctx, body }) => json({ data: await redeemDiscount(ctx, await body(redeemInput)) }));
