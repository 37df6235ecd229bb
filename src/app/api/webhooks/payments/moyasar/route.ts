import { isAppError } from "@/server/errors/app-error";
import { PaymentProviderError, paymentProvider } from "@/server/wallet/payment-provider";
import { handlePaymentWebhook } from "@/server/wallet/top-ups";

const error = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status });

/**
 * Moyasar's payment webhooks. Its body carries the webhook's secret token (checked) and names an invoice;
 * the invoice is then fetched from Moyasar with the secret key, and only what it says is credited.
 * Duplicates and replays are harmless: a top-up is credited by one conditional update.
 */
export async function POST(request: Request) {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return error(400, "MALFORMED_REQUEST", "The body must be JSON.");
  }
  try {
    const result = await handlePaymentWebhook(body, await paymentProvider());
    return Response.json({ data: { result } });
  } catch (e) {
    if (isAppError(e) && e.code === "UNAUTHENTICATED") return error(401, "UNAUTHENTICATED", "Invalid webhook secret.");
    // The provider could not be asked now: answer so that it sends this again later.
    if (e instanceof PaymentProviderError) return error(503, "PAYMENT_PROVIDER_ERROR", "The payment could not be checked now; send it again later.");
    throw e;
  }
}
