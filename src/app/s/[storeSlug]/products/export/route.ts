import { storeRoute } from "@/server/http/public-route";
import { parseInput } from "@/server/http/validation";
import { catalogExportQuery, catalogFile } from "@/server/catalog/products";
import { CONTENT_TYPES } from "@/server/orders/export-orders";
import { readerLocale } from "@/i18n/reader-locale";

export const dynamic = "force-dynamic";

/** The catalog with its stock per branch as CSV or Excel, in the columns the import reads: the template to edit and import. */
export const GET = storeRoute("catalog.read", async ({ request, access }) => {
  const { format } = parseInput(catalogExportQuery, Object.fromEntries(new URL(request.url).searchParams));
  const body = await catalogFile(access.ctx, format, await readerLocale());
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="products-${access.store.slug}-${new Date().toISOString().slice(0, 10)}.${format}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
