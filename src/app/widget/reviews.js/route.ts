import { createHash } from "node:crypto";
import { publicRoute } from "@/server/http/public-route";
import { WIDGET_SCRIPT } from "@/server/reviews/widget-script";

const etag = `"${createHash("sha256").update(WIDGET_SCRIPT).digest("base64url").slice(0, 16)}"`;

/** The reviews widget's script: cached by browsers and CDNs for an hour, revalidated by its ETag. */
export const GET = publicRoute({}, ({ request }) => {
  const headers = {
    "Content-Type": "text/javascript; charset=utf-8",
    "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400",
    ETag: etag,
    "Access-Control-Allow-Origin": "*",
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(WIDGET_SCRIPT, { headers });
});
