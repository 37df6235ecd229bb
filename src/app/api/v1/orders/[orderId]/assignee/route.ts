import { z } from "zod";
import { apiRoute, json } from "@/server/http/api-route";
import { assignOrder } from "@/server/orders/assign-order";
import { getOrder } from "@/server/orders/get-order";

export const POST = apiRoute("orders.update", async ({ ctx, params, body }) => {
  const input = await body(z.strictObject({ userId: z.uuid().nullable() }));
  await assignOrder(ctx, params.orderId, input.userId);
  return json({ data: await getOrder(ctx, params.orderId) });
});
