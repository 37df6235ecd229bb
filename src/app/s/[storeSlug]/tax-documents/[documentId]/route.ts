import { storeRoute } from "@/server/http/public-route";
import { fileResponse, taxDocumentFile } from "@/server/tax/document-files";
import { documentFormat } from "@/server/tax/document-format";

/** An invoice or note from the order page: ?format=a4 (default), receipt (80 mm) or xml. */
export const GET = storeRoute<{ storeSlug: string; documentId: string }>("orders.read", async ({ request, params, access }) =>
  fileResponse(await taxDocumentFile(access.ctx, params.documentId, documentFormat(request, true))),
);
