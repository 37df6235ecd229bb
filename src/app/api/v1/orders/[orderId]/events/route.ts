import { apiRoute, json } from "@/server/http/api-route";
import { listOrderEvents } from "@/server/orders/list-order-events";

export const GET = apiRoute("orders.read", async ({ ctx, params }) => json({ data: await listOrderEvents(ctx, params.orderId) }));
