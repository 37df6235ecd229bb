import { apiRoute, json } from "@/server/http/api-route";
import { quoteRates, ratesInput } from "@/server/shipping/quote-rates";

export const POST = apiRoute("orders.read", async ({ ctx, body }) => {
  const rates = await quoteRates(ctx, await body(ratesInput));
  return json({
    data: rates.map(({ carrier, volumetricWeightGrams, chargeableWeightGrams, price, billing, customerPrice, currency, cheapest }) => ({
      carrier,
      volumetricWeightGrams,
      chargeableWeightGrams,
      price,
      billing,
      customerPrice,
      currency,
      cheapest,
    })),
  });
});
