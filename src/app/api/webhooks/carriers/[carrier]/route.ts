import { AppError, isAppError } from "@/server/errors/app-error";
import { httpStatusOf } from "@/server/errors/error-catalog";
import { isCarrierId } from "@/server/shipping/carriers";
import { parseInput } from "@/server/http/validation";
import { publicRoute } from "@/server/http/public-route";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { applyCarrierEvent, carrierEventInput } from "@/server/shipping/carrier-events";
import { claimWebhookReceipt, releaseWebhookReceipt } from "@/server/http/signed-webhook";

const adapters = carrierAdapters();

/**
 * Status updates from a carrier, signed with its secret over a timestamp and the raw body. The signature
 * is checked before anything else is read: a wrong, stale or replayed one gets the same answer whatever
 * the body names, so a caller without the secret learns nothing (not even whether a tracking number exists).
 */
export const POST = publicRoute<{ carrier: string }>({}, async ({ request, params }) => {
  const { carrier } = params;
  if (!isCarrierId(carrier)) throw new AppError("NOT_FOUND", "Unknown carrier.");
  const raw = await request.text();
  const check = await adapters[carrier].verifyWebhook(raw, request.headers.get("x-carrier-signature"));
  if (!check.ok) throw new AppError("UNAUTHENTICATED", "Invalid or expired signature.");
  const source = `carrier:${carrier}`;
  if (!(await claimWebhookReceipt(source, check.digest))) throw new AppError("CONFLICT", "This update was already received.");
  try {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new AppError("MALFORMED_REQUEST", "The body must be JSON.");
    }
    const result = await applyCarrierEvent(carrier, parseInput(carrierEventInput, body));
    if (result === "unknown") throw new AppError("NOT_FOUND", "Unknown tracking number.");
    if (result === "deferred") throw new AppError("CONFLICT", "This label is being voided; send the update again later.");
    return Response.json({ data: { result } });
  } catch (error) {
    // Not acted on (deferred, or it failed on our side): the carrier's retry of this very message gets through.
    if (!isAppError(error) || error.code === "CONFLICT" || httpStatusOf[error.code] >= 500) await releaseWebhookReceipt(source, check.digest);
    throw error;
  }
});
