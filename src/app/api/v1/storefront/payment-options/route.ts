import { z } from "zod";
import { apiRoute, json } from "@/server/http/api-route";
import { phoneInput } from "@/lib/phone";
import { paymentOptions } from "@/server/customers/customer-risk";
import { renderError } from "@/server/errors/words";
import { codTermsForCheckout } from "@/server/orders/manage-cod-terms";

const paymentOptionsQuery = z.strictObject({
  phone: phoneInput,
  /** Where the order goes and its value before the fee (minor units): the store's terms for cash on delivery there. */
  city: z.string().trim().min(1).max(100).optional(),
  amount: z.coerce.number().int().min(0).max(2_000_000_000).optional(),
});

/** Cash on delivery not offered, with the store's reason: COD_NOT_ALLOWED, its words, and what decided it. */
const notOffered = (message: string, why: Record<string, unknown>) =>
  json({ data: { cashOnDelivery: { offered: false, reason: { code: "COD_NOT_ALLOWED", message, ...why } } } });

/**
 * Whether the checkout may offer cash on delivery to this phone: offered (with the store's fee for the
 * city), or not with the store's reason — the risk score and the factors behind it, or the order value the
 * store offers it for. The phone is a query parameter: the storefront's customer routes are keyed by the customer's id.
 */
export const GET = apiRoute("orders.create", async ({ ctx, query }) => {
  const { phone, city, amount } = query(paymentOptionsQuery);
  const { cashOnDelivery: cod } = await paymentOptions(ctx, phone);
  if (!cod.offered)
    return notOffered(renderError({ code: "COD_NOT_ALLOWED", say: { key: "codNotAllowed", params: { score: cod.score } } }, "en").message, {
      score: cod.score,
      band: cod.band,
      factors: cod.reasons,
    });
  if (!city) return json({ data: { cashOnDelivery: { offered: true } } });
  const decision = await codTermsForCheckout(ctx, city, amount);
  if (decision.offered) return json({ data: { cashOnDelivery: { offered: true, fee: decision.fee, currency: decision.currency } } });
  const key = decision.rule === "below_minimum" ? "codBelowMinimum" : "codAboveMaximum";
  const limit = { money: decision.limit, currency: decision.currency };
  return notOffered(renderError({ code: "COD_NOT_ALLOWED", say: { key, params: { limit } } }, "en").message, {
    rule: decision.rule,
    limit: decision.limit,
    currency: decision.currency,
  });
});
