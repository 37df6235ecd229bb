import { randomUUID } from "node:crypto";
import { toErrorResponse } from "@/server/errors/error-catalog";
import { publicUrl } from "@/server/http/public-url";
import { publishedReviews } from "@/server/reviews/manage-reviews";

// Any storefront may read a store's published reviews from the browser.
const CORS = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, OPTIONS", "Access-Control-Max-Age": "86400" };

export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS });
}

/** GET /api/public/stores/{slug}/reviews?product=&cursor=&limit= → the store's published reviews. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    const url = new URL(request.url);
    const result = await publishedReviews(
      slug,
      {
        product: url.searchParams.get("product") || undefined,
        cursor: url.searchParams.get("cursor") || undefined,
        limit: Number(url.searchParams.get("limit") ?? 12) || 12,
      },
      (id) => `${publicUrl()}/api/public/review-photos/${id}`,
    );
    return Response.json(result, { headers: { ...CORS, "Cache-Control": "public, max-age=60, stale-while-revalidate=300" } });
  } catch (error) {
    const { status, body } = toErrorResponse(error, randomUUID());
    return Response.json(body, { status, headers: { ...CORS, "Cache-Control": "no-store" } });
  }
}
