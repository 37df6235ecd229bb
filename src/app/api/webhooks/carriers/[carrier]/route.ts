import { isCarrierId } from "@/server/shipping/carriers";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { applyCarrierEvent, carrierEventInput } from "@/server/shipping/carrier-events";
import { fieldErrorsOf } from "@/server/http/validation";

const adapters = carrierAdapters();
const error = (status: number, code: string, message: string, extra: object = {}) => Response.json({ error: { code, message, ...extra } }, { status });

/** Status updates from a carrier, signed with its secret over the raw body. */
export async function POST(request: Request, { params }: { params: Promise<{ carrier: string }> }) {
  const { carrier } = await params;
  if (!isCarrierId(carrier)) return error(404, "NOT_FOUND", "Unknown carrier.");
  const raw = await request.text();
  if (!adapters[carrier].verifyWebhook(raw, request.headers.get("x-carrier-signature"))) return error(401, "UNAUTHENTICATED", "Invalid signature.");
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return error(400, "MALFORMED_REQUEST", "The body must be JSON.");
  }
  const parsed = carrierEventInput.safeParse(body);
  if (!parsed.success) return error(422, "VALIDATION_FAILED", "Invalid event.", { fields: fieldErrorsOf(parsed.error) });
  const result = await applyCarrierEvent(carrier, parsed.data);
  if (result === "unknown") return error(404, "NOT_FOUND", "Unknown tracking number.");
  if (result === "deferred") return error(409, "CONFLICT", "This label is being voided; send the update again later.");
  return Response.json({ data: { result } });
}
