import { randomUUID } from "node:crypto";
import { AppError } from "@/server/errors/app-error";
import { toErrorResponse } from "@/server/errors/error-catalog";
import { parseInput } from "@/server/http/validation";
import { MAX_PHOTO_BYTES } from "@/server/reviews/photos";
import { reviewSubmission, submitReview } from "@/server/reviews/review-page";

// 3 photos for each of many products, plus the form: anything bigger is not a review.
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * The review page submits here: multipart with `payload` (JSON: products, experience, carrier) and files
 * named `photos.<productId>`. The token in the URL is the only key.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await params;
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The upload is too large.");
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new AppError("MALFORMED_REQUEST", "Send the review as multipart/form-data.");
    }
    let payload: unknown;
    try {
      payload = JSON.parse(String(form.get("payload") ?? ""));
    } catch {
      throw new AppError("MALFORMED_REQUEST", "The review must be sent as JSON in the field 'payload'.", { fields: { payload: "must be valid JSON" } });
    }
    const input = parseInput(reviewSubmission, payload);
    const photos = new Map<string, Buffer[]>();
    for (const [name, value] of form.entries()) {
      if (!name.startsWith("photos.") || typeof value === "string") continue;
      if (value.size === 0) continue;
      if (value.size > MAX_PHOTO_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "A photo is larger than 5 MB.", { fields: { [name]: "must be at most 5 MB" } });
      const productId = name.slice("photos.".length);
      photos.set(productId, [...(photos.get(productId) ?? []), Buffer.from(await value.arrayBuffer())]);
    }
    const page = await submitReview(token, input, photos);
    return Response.json({ data: page }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const { status, body } = toErrorResponse(error, randomUUID());
    return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  }
}
