import { apiRoute, json } from "@/server/http/api-route";
import { getOrder } from "@/server/orders/get-order";
import { addTagsInput } from "@/server/tags/schemas";
import { addTagsToOrders } from "@/server/tags/tag-orders";

export const POST = apiRoute("orders.update", async ({ ctx, params, body }) => {
  const input = await body(addTagsInput);
  await addTagsToOrders(ctx, [params.orderId], input.tags);
  return json({ data: await getOrder(ctx, params.orderId) });
});
