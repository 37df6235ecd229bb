import { publicPageLocale } from "@/i18n/public-page";
import { publicRoute } from "@/server/http/public-route";
import { customerDocumentFile, fileResponse } from "@/server/tax/document-files";

/** The customer's own invoice or note, by their order page's token: a PDF (A4), or ?format=xml. */
export const GET = publicRoute<{ token: string; documentId: string }>(
  { locale: ({ token }) => publicPageLocale(`o:${token}`) },
  async ({ request, params }) => {
    const format = new URL(request.url).searchParams.get("format") === "xml" ? "xml" : "a4";
    return fileResponse(await customerDocumentFile(params.token, params.documentId, format));
  },
);
