import { AppError, issue } from "@/server/errors/app-error";
import { storeRoute } from "@/server/http/public-route";
import { readLimited } from "@/server/http/read-limited";
import { parseInput } from "@/server/http/validation";
import { packOrder, packOrderInput } from "@/server/packing/pack-order";

const MAX_BODY = 10 * 1024 * 1024;

/**
 * The packing station's "packed": JSON with the scan log, box, weight and photo, and the Idempotency-Key the
 * tablet made when the action was taken (offline actions are replayed with it, so each lands once).
 */
export const POST = storeRoute<{ storeSlug: string; orderId: string }>("orders.update", async ({ request, params, access }) => {
  const key = request.headers.get("idempotency-key") ?? "";
  if (!/^[A-Za-z0-9_-]{8,100}$/.test(key))
    throw new AppError("IDEMPOTENCY_KEY_REQUIRED", "Send an Idempotency-Key header (8–100 letters, digits, - or _).", {
      fields: { "Idempotency-Key": issue("required") },
    });
  const bytes = await readLimited(request, MAX_BODY, "The packing");
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AppError("MALFORMED_REQUEST", "The request body must be JSON.", { fields: { body: issue("json") } });
  }
  const input = parseInput(packOrderInput, raw);
  return Response.json({ data: await packOrder(access.ctx, params.orderId, input, key) }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
