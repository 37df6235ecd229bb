import { apiRoute, json } from "@/server/http/api-route";
import { setCustomerBlocked } from "@/server/customers/block-customer";
import { getCustomer } from "@/server/customers/get-customer";
import { blockCustomerInput } from "@/server/customers/schemas";

export const POST = apiRoute("customers.block", async ({ ctx, params, body }) => {
  const { reason } = await body(blockCustomerInput);
  await setCustomerBlocked(ctx, params.customerId, { reason });
  const { orders: _orders, refusals: _refusals, ...customer } = await getCustomer(ctx, params.customerId);
  return json({ data: customer });
});
