import { isCarrierId, type CarrierId } from "@/server/shipping/carriers";
import { safeParseInput } from "@/server/http/validation";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { applyCarrierEvent, carrierEventInput } from "@/server/shipping/carrier-events";
import { claimWebhookReceipt, releaseWebhookReceipt } from "@/server/http/signed-webhook";

const adapters = carrierAdapters();
const error = (status: number, code: string, message: string, extra: object = {}) => Response.json({ error: { code, message, ...extra } }, { status });

/**
 * Status updates from a carrier, signed with its secret over a timestamp and the raw body. The signature
 * is checked before anything else is read: a wrong, stale or replayed one gets the same answer whatever
 * the body names, so a caller without the secret learns nothing (not even whether a tracking number exists).
 */
export async function POST(request: Request, { params }: { params: Promise<{ carrier: string }> }) {
  const { carrier } = await params;
  if (!isCarrierId(carrier)) return error(404, "NOT_FOUND", "Unknown carrier.");
  const raw = await request.text();
  const check = await adapters[carrier].verifyWebhook(raw, request.headers.get("x-carrier-signature"));
  if (!check.ok) return error(401, "UNAUTHENTICATED", "Invalid or expired signature.");
  const source = `carrier:${carrier}`;
  if (!(await claimWebhookReceipt(source, check.digest))) return error(409, "CONFLICT", "This update was already received.");
  let response: Response | null = null;
  try {
    response = await handle(carrier, raw);
    return response;
  } finally {
    // Not acted on (deferred, or it failed on our side): the carrier's retry of this very message gets through.
    if (!response || response.status === 409 || response.status >= 500) await releaseWebhookReceipt(source, check.digest);
  }
}

async function handle(carrier: CarrierId, raw: string): Promise<Response> {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return error(400, "MALFORMED_REQUEST", "The body must be JSON.");
  }
  const parsed = safeParseInput(carrierEventInput, body);
  if (!parsed.success) return error(422, "VALIDATION_FAILED", "Invalid event.", { fields: parsed.fields });
  const result = await applyCarrierEvent(carrier, parsed.data);
  if (result === "unknown") return error(404, "NOT_FOUND", "Unknown tracking number.");
  if (result === "deferred") return error(409, "CONFLICT", "This label is being voided; send the update again later.");
  return Response.json({ data: { result } });
}
