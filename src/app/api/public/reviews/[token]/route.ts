import { AppError, issue } from "@/server/errors/app-error";
import { publicPageLocale } from "@/i18n/public-page";
import { publicRoute } from "@/server/http/public-route";
import { parseInput } from "@/server/http/validation";
import { MAX_PHOTO_BYTES, MAX_REVIEW_BODY_BYTES } from "@/server/reviews/photos";
import { readLimited } from "@/server/http/read-limited";
import { reviewSubmission, submitReview } from "@/server/reviews/review-page";

/**
 * The review page submits here: multipart with `payload` (JSON: products, experience, carrier) and files
 * named `photos.<productId>`. The token in the URL is the only key. Refusals are in the page's language:
 * the review page shows them to the customer as they are.
 */
export const POST = publicRoute<{ token: string }>(
  { rateLimited: true, locale: ({ token }) => publicPageLocale(`r:${token}`) },
  async ({ request, params }) => {
    const body = await readLimited(request, MAX_REVIEW_BODY_BYTES, "The review with its photos");
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
    } catch {
      throw new AppError("MALFORMED_REQUEST", "Send the review as multipart/form-data.");
    }
    let payload: unknown;
    try {
      payload = JSON.parse(String(form.get("payload") ?? ""));
    } catch {
      throw new AppError("MALFORMED_REQUEST", "The review must be sent as JSON in the field 'payload'.", { fields: { payload: issue("json") } });
    }
    const input = parseInput(reviewSubmission, payload);
    const photos = new Map<string, Buffer[]>();
    for (const [name, value] of form.entries()) {
      if (!name.startsWith("photos.") || typeof value === "string") continue;
      if (value.size === 0) continue;
      if (value.size > MAX_PHOTO_BYTES)
        throw new AppError("PAYLOAD_TOO_LARGE", "A photo is larger than 5 MB.", {
          say: { key: "photoTooLarge", params: { n: 5 } },
          fields: { [name]: issue("maxMegabytes", { n: 5 }) },
        });
      const productId = name.slice("photos.".length);
      photos.set(productId, [...(photos.get(productId) ?? []), Buffer.from(await value.arrayBuffer())]);
    }
    const page = await submitReview(params.token, input, photos);
    return Response.json({ data: page }, { headers: { "Cache-Control": "no-store" } });
  },
);
