import { z } from "zod";
import { apiRoute, json } from "@/server/http/api-route";
import { phoneInput } from "@/lib/phone";
import { paymentOptions } from "@/server/customers/customer-risk";
import { renderError } from "@/server/errors/words";

const paymentOptionsQuery = z.strictObject({ phone: phoneInput });

/**
 * Whether the checkout may offer cash on delivery to this phone: offered, or not with the store's reason
 * (the risk score and the factors behind it). The phone is a query parameter: the storefront's customer
 * routes are keyed by the customer's id.
 */
export const GET = apiRoute("orders.create", async ({ ctx, query }) => {
  const { phone } = query(paymentOptionsQuery);
  const { cashOnDelivery: cod } = await paymentOptions(ctx, phone);
  return json({
    data: {
      cashOnDelivery: cod.offered
        ? { offered: true }
        : {
            offered: false,
            reason: {
              code: "COD_NOT_ALLOWED",
              message: renderError({ code: "COD_NOT_ALLOWED", say: { key: "codNotAllowed", params: { score: cod.score } } }, "en").message,
              score: cod.score,
              band: cod.band,
              factors: cod.reasons,
            },
          },
    },
  });
});
