import { storeRoute } from "@/server/http/public-route";
import { fileResponse, ordersDocumentsPdf } from "@/server/tax/document-files";
import { documentFormat } from "@/server/tax/document-format";

/** Print the invoices and notes of the list's selection: /s/{store}/tax-documents?orders=a,b,c&format=a4|receipt → one PDF. */
export const GET = storeRoute("orders.read", async ({ request, access }) => {
  const ids = (new URL(request.url).searchParams.get("orders") ?? "").split(",").filter(Boolean);
  return fileResponse(await ordersDocumentsPdf(access.ctx, ids, documentFormat(request, false) as "a4" | "receipt"));
});
