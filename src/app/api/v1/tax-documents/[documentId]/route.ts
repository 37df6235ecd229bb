import { apiRoute } from "@/server/http/api-route";
import { fileResponse, taxDocumentFile } from "@/server/tax/document-files";
import { documentFormat } from "@/server/tax/document-format";

/** An invoice or note as a file: ?format=a4 (PDF, the default), receipt (80 mm PDF) or xml (UBL 2.1, as reported to ZATCA). */
export const GET = apiRoute("orders.read", async ({ ctx, params, request }) =>
  fileResponse(await taxDocumentFile(ctx, params.documentId, documentFormat(request, true))),
);
