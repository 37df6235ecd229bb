import { apiRoute, json } from "@/server/http/api-route";
import { setCustomerBlocked } from "@/server/customers/block-customer";
import { getCustomer } from "@/server/customers/get-customer";

export const POST = apiRoute("customers.block", async ({ ctx, params }) => {
  await setCustomerBlocked(ctx, params.customerId, null);
  const { orders: _orders, refusals: _refusals, ...customer } = await getCustomer(ctx, params.customerId);
  return json({ data: customer });
});
