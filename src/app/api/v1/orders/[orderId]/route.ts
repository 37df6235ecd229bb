import { apiRoute, json } from "@/server/http/api-route";
import { getOrder } from "@/server/orders/get-order";

export const GET = apiRoute("orders.read", async ({ ctx, params }) => json({ data: await getOrder(ctx, params.orderId) }));
