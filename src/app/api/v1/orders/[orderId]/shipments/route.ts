import { AppError, issue } from "@/server/errors/app-error";
import { apiRoute, json } from "@/server/http/api-route";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { issueLabel, issueLabelInput } from "@/server/shipping/issue-label";

const adapters = carrierAdapters();

export const POST = apiRoute("orders.update", async ({ ctx, params, body, request }) => {
  const key = request.headers.get("idempotency-key")?.trim();
  if (!key) {
    throw new AppError("IDEMPOTENCY_KEY_REQUIRED", "Send an Idempotency-Key header so a retried request cannot buy a second label.", {
      fields: { "Idempotency-Key": issue("required") },
    });
  }
  const label = await issueLabel(ctx, params.orderId, await body(issueLabelInput), { idempotencyKey: key }, { adapters });
  // 202: the carrier has not answered in time; the label is pending and settles by itself.
  return json({ data: label }, label.status === "pending" ? 202 : 201);
});
