import { apiRoute, json } from "@/server/http/api-route";
import { transitionOrder } from "@/server/orders/transition-order";
import { transitionOrderInput } from "@/server/orders/schemas-transition";

export const POST = apiRoute("orders.update", async ({ ctx, params, body, request }) => {
  const input = await body(transitionOrderInput);
  const order = await transitionOrder(ctx, params.orderId, input, { idempotencyKey: request.headers.get("idempotency-key")?.trim() || undefined });
  return json({ data: order });
});
