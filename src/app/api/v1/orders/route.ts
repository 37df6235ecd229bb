import { apiRoute, json } from "@/server/http/api-route";
import { AppError, issue } from "@/server/errors/app-error";
import { listOrders } from "@/server/orders/list-orders";
import { placeOrder } from "@/server/orders/place-order";
import { listOrdersQuery, placeOrderInput } from "@/server/orders/schemas";

export const GET = apiRoute("orders.read", async ({ ctx, query }) => json(await listOrders(ctx, query(listOrdersQuery))));

export const POST = apiRoute("orders.create", async ({ ctx, request, body }) => {
  const key = request.headers.get("idempotency-key")?.trim();
  if (!key) {
    throw new AppError("IDEMPOTENCY_KEY_REQUIRED", "Send an Idempotency-Key header so a retried request cannot create a second order.", {
      fields: { "Idempotency-Key": issue("required") },
    });
  }
  if (key.length > 255)
    throw new AppError("VALIDATION_FAILED", "Idempotency-Key is too long.", { fields: { "Idempotency-Key": issue("maxLength", { n: 255 }) } });
  const input = await body(placeOrderInput);
  const { order, replayed } = await placeOrder(ctx, input, { source: "API", idempotencyKey: key });
  return json({ data: order }, 201, replayed ? { "Idempotent-Replayed": "true" } : {});
});
