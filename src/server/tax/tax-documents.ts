// An order's tax documents: read for the order page, the customer's page and the API; issued by hand (an
// invoice when the store invoices by hand, a credit or debit note by an owner or admin).
import { z } from "zod";
import type { StoreContext } from "@/server/auth/context";
import { db } from "@/server/db/client";
import { AppError, notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { lockOrder } from "@/server/orders/lock-order";
import { visibleOrdersSql } from "@/server/orders/order-queries";
import type { Prisma } from "@/generated/prisma/client";
import type { TaxReportStatus } from "@/generated/prisma/enums";
import { issueInvoiceInTx, issueNoteInTx, type IssuedDocument } from "./issue-documents";
import type { VatLine } from "./vat";

export type TaxDocumentDto = {
  id: string;
  kind: "invoice" | "credit_note" | "debit_note";
  number: string;
  icv: number;
  uuid: string;
  issuedAt: string;
  invoice: { id: string; number: string } | null;
  reason: string | null;
  currency: string;
  vatRegistered: boolean;
  vatRate: number;
  lines: VatLine[];
  netTotal: number;
  vatTotal: number;
  total: number;
  hash: string | null;
  qr: string | null;
  report: { status: Lowercase<TaxReportStatus>; attempts: number; reportedAt: string | null; messages: { type: string; code: string; message: string }[] };
};

export const DOCUMENT_SELECT = {
  id: true,
  kind: true,
  number: true,
  icv: true,
  uuid: true,
  issuedAt: true,
  invoiceId: true,
  invoice: { select: { number: true } },
  reason: true,
  currency: true,
  vatRegistered: true,
  vatRateBp: true,
  lines: true,
  netTotal: true,
  vatTotal: true,
  total: true,
  hash: true,
  qr: true,
  reportStatus: true,
  reportAttempts: true,
  reportedAt: true,
  reportMessages: true,
} satisfies Prisma.TaxDocumentSelect;

type DocumentRow = Prisma.TaxDocumentGetPayload<{ select: typeof DOCUMENT_SELECT }>;

export function toTaxDocumentDto(row: DocumentRow): TaxDocumentDto {
  return {
    id: row.id,
    kind: row.kind.toLowerCase() as TaxDocumentDto["kind"],
    number: row.number,
    icv: row.icv,
    uuid: row.uuid,
    issuedAt: row.issuedAt.toISOString(),
    invoice: row.invoiceId && row.invoice ? { id: row.invoiceId, number: row.invoice.number } : null,
    reason: row.reason,
    currency: row.currency,
    vatRegistered: row.vatRegistered,
    vatRate: row.vatRateBp / 100,
    lines: row.lines as VatLine[],
    netTotal: row.netTotal,
    vatTotal: row.vatTotal,
    total: row.total,
    hash: row.hash || null,
    qr: row.qr || null,
    report: {
      status: row.reportStatus.toLowerCase() as Lowercase<TaxReportStatus>,
      attempts: row.reportAttempts,
      reportedAt: row.reportedAt?.toISOString() ?? null,
      messages: (row.reportMessages as TaxDocumentDto["report"]["messages"]) ?? [],
    },
  };
}

async function visibleOrder(ctx: StoreContext, orderId: string): Promise<boolean> {
  if (!isUuid(orderId)) return false;
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT o.id FROM orders o WHERE ${visibleOrdersSql(ctx)} AND o.id = ${orderId}::uuid`;
  return rows.length > 0;
}

/** The order's documents, in the order they were issued. */
export async function listOrderDocuments(ctx: StoreContext, orderId: string): Promise<TaxDocumentDto[]> {
  if (!(await visibleOrder(ctx, orderId))) throw notFound("Order");
  const rows = await db.taxDocument.findMany({ where: { storeId: ctx.storeId, orderId }, orderBy: { icv: "asc" }, select: DOCUMENT_SELECT });
  return rows.map(toTaxDocumentDto);
}

/** An invoice by hand; refused when the order already has one that covers it. */
export async function issueInvoice(ctx: StoreContext, orderId: string): Promise<IssuedDocument> {
  return db.$transaction(async (tx) => {
    const order = isUuid(orderId) ? await lockOrder(tx, ctx, orderId) : null;
    if (!order) throw notFound("Order");
    if (order.status === "CANCELED") throw new AppError("ORDER_NOT_INVOICEABLE", "A canceled order is not invoiced.", { say: { key: "orderNotInvoiceable" } });
    const issued = await issueInvoiceInTx(tx, ctx.storeId, orderId, ctx.actor);
    if (!issued) throw new AppError("ALREADY_INVOICED", "The order has an invoice already.", { say: { key: "alreadyInvoiced" } });
    return issued;
  });
}

export const noteInput = z.strictObject({
  kind: z.enum(["credit_note", "debit_note"]),
  amount: z.number().int().min(1).max(1_000_000_000),
  reason: z.string().trim().min(1).max(300),
});
export type NoteInput = z.output<typeof noteInput>;

/** A credit note (never more than the invoice has left) or a debit note against the order's invoice. */
export async function issueNote(ctx: StoreContext, orderId: string, input: NoteInput): Promise<IssuedDocument> {
  return db.$transaction(async (tx) => {
    const order = isUuid(orderId) ? await lockOrder(tx, ctx, orderId) : null;
    if (!order) throw notFound("Order");
    const issued = await issueNoteInTx(tx, ctx.storeId, orderId, {
      kind: input.kind === "credit_note" ? "CREDIT_NOTE" : "DEBIT_NOTE",
      amount: input.amount,
      reason: input.reason,
      actor: ctx.actor,
      now: new Date(),
    });
    if (!issued) throw new AppError("NOT_INVOICED", "The order has no invoice to note.", { say: { key: "notInvoiced" } });
    return issued;
  });
}
