import { apiRoute, json } from "@/server/http/api-route";
import { getOrder } from "@/server/orders/get-order";
import { parseInput } from "@/server/http/validation";
import { tagName } from "@/server/tags/schemas";
import { removeTagFromOrders } from "@/server/tags/tag-orders";

export const DELETE = apiRoute("orders.update", async ({ ctx, params }) => {
  await removeTagFromOrders(ctx, [params.orderId], parseInput(tagName, params.tag));
  return json({ data: await getOrder(ctx, params.orderId) });
});
