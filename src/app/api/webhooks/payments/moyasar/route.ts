import { AppError, isAppError } from "@/server/errors/app-error";
import { publicRoute } from "@/server/http/public-route";
import { PaymentProviderError, paymentProvider } from "@/server/wallet/payment-provider";
import { handlePaymentWebhook } from "@/server/wallet/top-ups";

/**
 * Moyasar's payment webhooks. Its body carries the webhook's secret token (checked) and names an invoice;
 * the invoice is then fetched from Moyasar with the secret key, and only what it says is credited.
 * Duplicates and replays are harmless: a top-up is credited by one conditional update.
 */
export const POST = publicRoute({}, async ({ request }) => {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw new AppError("MALFORMED_REQUEST", "The body must be JSON.");
  }
  try {
    return Response.json({ data: { result: await handlePaymentWebhook(body, await paymentProvider()) } });
  } catch (e) {
    if (isAppError(e) && e.code === "UNAUTHENTICATED") throw new AppError("UNAUTHENTICATED", "Invalid webhook secret.");
    // The provider could not be asked now: an error status, so that Moyasar sends this again later.
    if (e instanceof PaymentProviderError) throw new AppError("PAYMENT_PROVIDER_ERROR", "The payment could not be checked now; send it again later.");
    throw e;
  }
});
