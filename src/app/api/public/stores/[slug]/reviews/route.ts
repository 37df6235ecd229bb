import { publicRoute } from "@/server/http/public-route";
import { publicUrl } from "@/server/http/public-url";
import { publishedReviews } from "@/server/reviews/manage-reviews";

// Any storefront may read a store's published reviews from the browser.
const CORS = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, OPTIONS", "Access-Control-Max-Age": "86400" };

export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS });
}

/** GET /api/public/stores/{slug}/reviews?product=&cursor=&limit= → the store's published reviews. */
export const GET = publicRoute<{ slug: string }>({ headers: CORS }, async ({ request, params }) => {
  const url = new URL(request.url);
  const result = await publishedReviews(
    params.slug,
    {
      product: url.searchParams.get("product") || undefined,
      cursor: url.searchParams.get("cursor") || undefined,
      limit: Number(url.searchParams.get("limit") ?? 12) || 12,
    },
    (id) => `${publicUrl()}/api/public/review-photos/${id}`,
  );
  return Response.json(result, { headers: { ...CORS, "Cache-Control": "public, max-age=60, stale-while-revalidate=300" } });
});
