import { apiRoute, json } from "@/server/http/api-route";
import { customerRisk } from "@/server/customers/customer-risk";

/** The customer's cash-on-delivery risk: score, band, and every factor with its value, weight, points and orders. */
export const GET = apiRoute("customers.read", async ({ ctx, params }) => json({ data: await customerRisk(ctx, params.customerId) }));
