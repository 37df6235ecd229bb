import { storeRoute } from "@/server/http/public-route";
import { parseInput } from "@/server/http/validation";
import { CONTENT_TYPES, exportFileName, exportOrdersQuery, ordersCsv, ordersXlsx } from "@/server/orders/export-orders";
import { readerLocale } from "@/i18n/reader-locale";

export const dynamic = "force-dynamic";

/**
 * The orders of the list's current filter as a CSV or Excel download, in the reader's language and the
 * store's clock, streamed as it is read: 200,000 orders never sit in memory at once.
 */
export const GET = storeRoute("orders.read", async ({ request, access }) => {
  const params = new URL(request.url).searchParams;
  // A plain form sends each chosen column as its own `columns`; a script may send them joined by commas.
  const columns = params.getAll("columns").join(",");
  const query = parseInput(exportOrdersQuery, { ...Object.fromEntries(params), ...(columns ? { columns } : {}) });
  const target = { ctx: access.ctx, query, locale: await readerLocale(), timeZone: access.store.timeZone };
  const body = query.format === "xlsx" ? ordersXlsx(target) : ordersCsv(target);
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[query.format],
      "Content-Disposition": `attachment; filename="${exportFileName(access.store.slug, query.format)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
