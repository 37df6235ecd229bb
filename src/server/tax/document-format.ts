import type { InvoiceFormat } from "./invoice-pdf";

/** The file asked for by `?format=`: a4 (the default), receipt (80 mm), or xml where one document is asked for. */
export function documentFormat(request: Request, xmlAllowed: boolean): InvoiceFormat | "xml" {
  const format = new URL(request.url).searchParams.get("format");
  if (format === "receipt") return "receipt";
  if (format === "xml" && xmlAllowed) return "xml";
  return "a4";
}
