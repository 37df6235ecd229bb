import { apiRoute, json } from "@/server/http/api-route";
import { customerOrderById } from "@/server/orders/customer-view";

/** For the storefront's "my orders": exactly what the customer's own order page shows. */
export const GET = apiRoute("orders.read", async ({ ctx, params }) => json({ data: await customerOrderById(ctx, params.orderId) }));
