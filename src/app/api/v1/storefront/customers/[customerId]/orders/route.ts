import { apiRoute, json } from "@/server/http/api-route";
import { customerOrdersOf } from "@/server/orders/customer-view";

/** A customer's orders in the customer page's shape, newest first (up to 50). */
export const GET = apiRoute("orders.read", async ({ ctx, params }) => json({ data: await customerOrdersOf(ctx, params.customerId) }));
