import { z } from "zod";
import { apiRoute, json } from "@/server/http/api-route";
import { addOrderComment, commentBody } from "@/server/orders/comments";

export const POST = apiRoute("orders.read", async ({ ctx, params, body }) => {
  const input = await body(z.strictObject({ body: commentBody }));
  return json({ data: await addOrderComment(ctx, params.orderId, input.body) }, 201);
});
