// An issued document as a file: its PDF (A4 or receipt) or its XML, for the store's people, the API and
// the customer (by their order page's token, their own order's documents only). Several orders' documents
// print as one PDF from the list.
import type { StoreContext } from "@/server/auth/context";
import { db } from "@/server/db/client";
import { notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { translator } from "@/server/errors/words";
import { visibleOrders } from "@/server/orders/order-scope";
import { paymentMethodFromDb } from "@/server/orders/order-status";
import { clockText } from "@/server/time/zoned";
import type { Prisma } from "@/generated/prisma/client";
import { renderInvoicesPdf, type InvoiceFormat, type InvoicePdfData } from "./invoice-pdf";
import type { Seller } from "./ubl";
import type { VatLine } from "./vat";
import { DOCUMENT_SELECT } from "./tax-documents";
import { CUSTOMER_TOKEN, orderTokenWhere } from "@/lib/customer-token";

// The order page's fields, and what the PDF and the XML need besides.
const SELECT = {
  ...DOCUMENT_SELECT,
  seller: true,
  buyer: true,
  paymentMethod: true,
  xml: true,
  invoice: { select: { number: true, issuedAt: true } },
  order: { select: { number: true } },
  store: { select: { timeZone: true } },
} satisfies Prisma.TaxDocumentSelect;
type Row = Prisma.TaxDocumentGetPayload<{ select: typeof SELECT }>;

function onClock(at: Date, timeZone: string) {
  const { date, time } = clockText(at, timeZone);
  return `${date} ${time.slice(0, 5)}`;
}

function pdfData(row: Row): InvoicePdfData {
  const seller = row.seller as Seller;
  const buyer = row.buyer as { name: string; city?: string | null };
  const method = paymentMethodFromDb(row.paymentMethod);
  return {
    kind: row.kind,
    number: row.number,
    issuedAt: onClock(row.issuedAt, row.store.timeZone),
    orderNumber: row.order.number,
    paymentMethod: `${translator("en")(`paymentMethod.${method}`)} · ${translator("ar")(`paymentMethod.${method}`)}`,
    currency: row.currency,
    vatRegistered: row.vatRegistered,
    vatRate: row.vatRateBp / 100,
    seller: {
      legalNameAr: seller.legalNameAr,
      legalNameEn: seller.legalNameEn,
      vatNumber: seller.vatNumber,
      crNumber: seller.crNumber,
      address: [seller.shortAddress, seller.buildingNumber, seller.street, seller.district, seller.city, seller.postalCode, seller.additionalNumber]
        .filter(Boolean)
        .join("، "),
    },
    buyer,
    invoice: row.invoice ? { number: row.invoice.number, issuedAt: onClock(row.invoice.issuedAt, row.store.timeZone).slice(0, 10) } : null,
    reason: row.reason,
    lines: row.lines as VatLine[],
    netTotal: row.netTotal,
    vatTotal: row.vatTotal,
    total: row.total,
    qr: row.qr || null,
  };
}

export type DocumentFile = { body: Buffer; contentType: string; filename: string };

function asFile(rows: Row[], format: InvoiceFormat | "xml"): Promise<DocumentFile> | DocumentFile {
  if (format === "xml") {
    const [row] = rows;
    if (!row.xml) throw notFound("Document");
    return { body: Buffer.from(row.xml, "utf8"), contentType: "application/xml; charset=utf-8", filename: `${row.number}.xml` };
  }
  return renderInvoicesPdf(rows.map(pdfData), format).then((body) => ({
    body,
    contentType: "application/pdf",
    filename: rows.length === 1 ? `${rows[0].number}.pdf` : `invoices-${rows.length}.pdf`,
  }));
}

/** A document of an order the context may see. */
export async function taxDocumentFile(ctx: StoreContext, documentId: string, format: InvoiceFormat | "xml"): Promise<DocumentFile> {
  if (!isUuid(documentId)) throw notFound("Document");
  const row = await db.taxDocument.findFirst({ where: { storeId: ctx.storeId, id: documentId, order: visibleOrders(ctx) }, select: SELECT });
  if (!row) throw notFound("Document");
  return asFile([row], format);
}

/** Every document of these orders (visible to the context), in the orders' and then the issue order, as one PDF. */
export async function ordersDocumentsPdf(ctx: StoreContext, orderIds: string[], format: InvoiceFormat): Promise<DocumentFile & { count: number }> {
  const ids = orderIds.filter(isUuid).slice(0, 200);
  const rows = await db.taxDocument.findMany({
    where: { storeId: ctx.storeId, orderId: { in: ids }, order: visibleOrders(ctx) },
    orderBy: [{ orderId: "asc" }, { icv: "asc" }],
    select: { ...SELECT, orderId: true },
  });
  if (!rows.length) throw notFound("Document");
  const rank = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => rank.get(a.orderId)! - rank.get(b.orderId)!);
  return { ...(await asFile(rows, format)), count: rows.length };
}

/** The customer's own document, by their order page's token: only a document of that order. */
export async function customerDocumentFile(token: string, documentId: string, format: InvoiceFormat | "xml"): Promise<DocumentFile> {
  if (!isUuid(documentId) || !CUSTOMER_TOKEN.test(token)) throw notFound("Document");
  const { storeId, publicToken } = orderTokenWhere(token);
  const row = await db.taxDocument.findFirst({ where: { ...(storeId ? { storeId } : {}), id: documentId, order: { publicToken } }, select: SELECT });
  if (!row) throw notFound("Document");
  return asFile([row], format);
}

export function fileResponse(file: DocumentFile): Response {
  return new Response(new Uint8Array(file.body), {
    headers: { "Content-Type": file.contentType, "Content-Disposition": `inline; filename="${file.filename}"`, "Cache-Control": "private, no-store" },
  });
}
