import { z } from "zod";
import { apiRoute } from "@/server/http/api-route";
import { CONTENT_TYPES, exportOrdersQuery, exportPage, ordersCsv, ordersNdjson, storeTimeZone } from "@/server/orders/export-orders";

const apiExportQuery = exportOrdersQuery.extend({
  format: z.enum(["ndjson", "csv"]).default("ndjson"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
});

/**
 * GET /api/v1/orders/export: the orders of a filter as NDJSON (one order a line, raw values) or CSV, up to
 * `limit` a page, streamed. The next page's cursor is in the `Link` header (rel="next") and `X-Next-Cursor`.
 */
export const GET = apiRoute("orders.read", async ({ ctx, query, request }) => {
  const q = query(apiExportQuery);
  const page = await exportPage(ctx, q, q.cursor, q.limit);
  const body =
    q.format === "csv"
      ? ordersCsv({ ctx, query: { ...q, format: "csv" }, locale: "en", timeZone: await storeTimeZone(ctx.storeId) }, page)
      : ordersNdjson(ctx, q, page);
  const headers: Record<string, string> = { "Content-Type": CONTENT_TYPES[q.format], "Cache-Control": "no-store" };
  if (page.next) {
    const next = new URL(request.url);
    next.searchParams.set("cursor", page.next);
    headers.Link = `<${next.pathname}${next.search}>; rel="next"`;
    headers["X-Next-Cursor"] = page.next;
  }
  return new Response(body, { headers });
});
