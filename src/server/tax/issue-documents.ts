// Issuing tax documents: an order's invoice, and the credit and debit notes that follow it. Every
// document is issued inside the transaction of what causes it (placing, delivery, a refund, a person's
// click) under the store's chain lock (its tax profile's row): numbers and the invoice counter are taken
// without gaps, and each document's PIH is the hash of the one issued just before it, even when many are
// issued at once. A rolled-back cause gives its numbers back.
import { createHash, randomUUID } from "node:crypto";
import type { Tx } from "@/server/db/client";
import type { Actor } from "@/server/auth/context";
import { AppError, issue } from "@/server/errors/app-error";
import { formatMoney } from "@/server/money/money";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { orderEvent, actorFields } from "@/server/orders/order-events";
import type { PaymentMethod, TaxDocumentKind } from "@/generated/prisma/enums";
import { clockText } from "@/server/time/zoned";
import { amountLine, decimal, vatLines, vatTotals, type VatLine } from "./vat";
import { buildUbl, hashedUbl, PAYMENT_MEANS, type Seller, type UblInput } from "./ubl";
import { stampHash } from "./stamp";
import { encodeTlv, QR_TAGS } from "./tlv";
import { documentNumber, INITIAL_PREVIOUS_HASH } from "./tax-rules";
import { stampSecret } from "./tax-profile";

/** Reporting retries for a day and a bit: the authority wants simplified documents within 24 hours. */
export const REPORT_ATTEMPTS = 160;

type ChainRow = {
  vatRegistered: boolean;
  legalNameAr: string;
  legalNameEn: string;
  vatNumber: string | null;
  crNumber: string | null;
  buildingNumber: string | null;
  street: string | null;
  district: string | null;
  city: string | null;
  postalCode: string | null;
  additionalNumber: string | null;
  shortAddress: string | null;
  vatRateBp: number;
  pricesIncludeVat: boolean;
  invoicePrefix: string;
  creditNotePrefix: string;
  debitNotePrefix: string;
  invoiceCount: number;
  creditNoteCount: number;
  debitNoteCount: number;
  lastIcv: number;
  lastHash: string | null;
  publicKey: string | null;
  privateKeyEnc: string | null;
  certificateSignature: string | null;
  storeName: string;
  timeZone: string;
};

/** The store's chain, locked until the caller's transaction ends; made (not registered) when missing. */
async function lockChain(tx: Tx, storeId: string): Promise<ChainRow> {
  const select = () => tx.$queryRaw<ChainRow[]>`
    SELECT p.*, s.name AS "storeName", s."timeZone" FROM tax_profiles p JOIN stores s ON s.id = p."storeId"
    WHERE p."storeId" = ${storeId}::uuid FOR UPDATE OF p`;
  const [row] = await select();
  if (row) return row;
  await tx.$executeRaw`INSERT INTO tax_profiles ("storeId", "updatedAt") VALUES (${storeId}::uuid, now()) ON CONFLICT ("storeId") DO NOTHING`;
  return (await select())[0];
}

type OrderForInvoice = {
  id: string;
  number: number;
  currency: string;
  paymentMethod: PaymentMethod;
  subtotal: number;
  shippingFee: number;
  codFee: number;
  total: number;
  refundedAmount: number;
  vatRateBp: number | null;
  pricesIncludeVat: boolean | null;
  customerName: string;
  shippingCity: string;
  shippingDistrict: string | null;
  shippingAddress: string;
  shippingPostalCode: string | null;
  shippingBuildingNumber: string | null;
};

export type IssuedDocument = { id: string; kind: TaxDocumentKind; number: string; total: number };

type DocumentDraft = {
  kind: TaxDocumentKind;
  order: OrderForInvoice;
  lines: VatLine[];
  rateBp: number;
  invoice?: { id: string; number: string; issuedAt: Date };
  reason?: string;
  actor: Actor;
  now: Date;
};

function sellerOf(chain: ChainRow): Seller {
  return {
    legalNameAr: chain.legalNameAr || chain.storeName,
    legalNameEn: chain.legalNameEn || chain.storeName,
    vatNumber: chain.vatNumber ?? "",
    crNumber: chain.crNumber,
    buildingNumber: chain.buildingNumber,
    street: chain.street,
    district: chain.district,
    city: chain.city,
    postalCode: chain.postalCode,
    additionalNumber: chain.additionalNumber,
    shortAddress: chain.shortAddress,
  };
}

/** Writes one document at the head of the store's chain (the chain is locked by the caller). */
async function writeDocument(tx: Tx, storeId: string, chain: ChainRow, draft: DocumentDraft): Promise<IssuedDocument> {
  const registered = chain.vatRegistered && !!chain.vatNumber && !!chain.privateKeyEnc && !!chain.publicKey && !!chain.certificateSignature;
  const counter = draft.kind === "INVOICE" ? "invoiceCount" : draft.kind === "CREDIT_NOTE" ? "creditNoteCount" : "debitNoteCount";
  const prefix = draft.kind === "INVOICE" ? chain.invoicePrefix : draft.kind === "CREDIT_NOTE" ? chain.creditNotePrefix : chain.debitNotePrefix;
  const sequence = chain[counter] + 1;
  const number = documentNumber(prefix, sequence);
  const icv = chain.lastIcv + 1;
  const uuid = randomUUID();
  const previousHash = chain.lastHash ?? INITIAL_PREVIOUS_HASH;
  const totals = vatTotals(draft.lines);
  const issued = clockText(draft.now, chain.timeZone);
  const seller = sellerOf(chain);
  const o = draft.order;
  const buyer = {
    name: o.customerName,
    city: o.shippingCity,
    district: o.shippingDistrict,
    street: o.shippingAddress,
    postalCode: o.shippingPostalCode,
    buildingNumber: o.shippingBuildingNumber,
  };

  let xml = "";
  let hash = "";
  let signature = "";
  let qr = "";
  if (registered) {
    const ubl: UblInput = {
      kind: draft.kind,
      number,
      uuid,
      icv,
      previousHash,
      issueDate: issued.date,
      issueTime: issued.time,
      currency: o.currency,
      seller,
      buyer,
      paymentMeansCode: PAYMENT_MEANS[o.paymentMethod] ?? "1",
      rateBp: draft.rateBp,
      lines: draft.lines,
      totals,
      billingReference: draft.invoice ? { number: draft.invoice.number, issueDate: clockText(draft.invoice.issuedAt, chain.timeZone).date } : undefined,
      reason: draft.reason,
    };
    hash = createHash("sha256").update(hashedUbl(ubl)).digest("base64");
    signature = stampHash(hash, chain.privateKeyEnc!, await stampSecret());
    qr = encodeTlv([
      { tag: QR_TAGS.sellerName, value: seller.legalNameAr },
      { tag: QR_TAGS.vatNumber, value: seller.vatNumber },
      { tag: QR_TAGS.timestamp, value: `${issued.date}T${issued.time}` },
      { tag: QR_TAGS.total, value: decimal(totals.gross) },
      { tag: QR_TAGS.vatTotal, value: decimal(totals.vat) },
      { tag: QR_TAGS.hash, value: hash },
      { tag: QR_TAGS.signature, value: signature },
      { tag: QR_TAGS.publicKey, value: Buffer.from(chain.publicKey!, "base64") },
      { tag: QR_TAGS.certificateSignature, value: Buffer.from(chain.certificateSignature!, "base64") },
    ]);
    // The same layout with the stamp in the parts the hash leaves out (tests/unit/tax-xml.test.ts holds it).
    xml = buildUbl(ubl, { hash, signature, publicKey: chain.publicKey!, qr, signingTime: draft.now.toISOString().slice(0, 19) });
  }

  const document = await tx.taxDocument.create({
    data: {
      storeId,
      orderId: o.id,
      kind: draft.kind,
      number,
      sequence,
      icv,
      uuid,
      invoiceId: draft.invoice?.id ?? null,
      reason: draft.reason ?? null,
      issuedAt: draft.now,
      currency: o.currency,
      vatRegistered: registered,
      vatRateBp: registered ? draft.rateBp : 0,
      lines: draft.lines,
      netTotal: totals.net,
      vatTotal: totals.vat,
      total: totals.gross,
      paymentMethod: o.paymentMethod,
      seller,
      buyer,
      xml,
      hash,
      previousHash: registered ? previousHash : "",
      signature,
      qr,
      reportStatus: registered ? "PENDING" : "NOT_REQUIRED",
      actorName: draft.actor.name,
    },
    select: { id: true },
  });
  // The chain moves on in the row that was locked: the next document hashes onto this one.
  await tx.taxProfile.update({
    where: { storeId },
    data: { [counter]: sequence, lastIcv: icv, ...(registered ? { lastHash: hash } : {}) },
  });
  chain[counter] = sequence;
  chain.lastIcv = icv;
  if (registered) {
    chain.lastHash = hash;
    await enqueueJob(tx, "tax.report", { storeId, documentId: document.id }, { storeId, maxAttempts: REPORT_ATTEMPTS });
  }
  await tx.orderEvent.create({
    data: {
      storeId,
      orderId: o.id,
      ...orderEvent("tax.document_issued", {
        documentId: document.id,
        kind: draft.kind,
        number,
        total: totals.gross,
        currency: o.currency,
        ...(draft.invoice ? { invoiceNumber: draft.invoice.number } : {}),
      }),
      ...actorFields(draft.actor),
    },
  });
  return { id: document.id, kind: draft.kind, number, total: totals.gross };
}

async function orderForInvoice(tx: Tx, storeId: string, orderId: string): Promise<OrderForInvoice | null> {
  const [row] = await tx.$queryRaw<OrderForInvoice[]>`
    SELECT id, number, currency, "paymentMethod"::text AS "paymentMethod", subtotal, "shippingFee", "codFee", total, "refundedAmount",
      "vatRateBp", "pricesIncludeVat", "customerName", "shippingCity", "shippingDistrict", "shippingAddress", "shippingPostalCode", "shippingBuildingNumber"
    FROM orders WHERE "storeId" = ${storeId}::uuid AND id = ${orderId}::uuid`;
  return row ?? null;
}

/** The order's latest invoice that still covers something (its total and debit notes, less its credit notes), if any. */
async function liveInvoice(tx: Tx, storeId: string, orderId: string) {
  const rows = await tx.$queryRaw<{ id: string; number: string; issuedAt: Date; vatRateBp: number; lines: unknown; total: number; balance: number }[]>`
    SELECT i.id, i.number, i."issuedAt", i."vatRateBp", i.lines, i.total,
      (i.total + COALESCE(SUM(n.total) FILTER (WHERE n.kind = 'DEBIT_NOTE'), 0) - COALESCE(SUM(n.total) FILTER (WHERE n.kind = 'CREDIT_NOTE'), 0))::int AS balance
    FROM tax_documents i LEFT JOIN tax_documents n ON n."storeId" = i."storeId" AND n."invoiceId" = i.id
    WHERE i."storeId" = ${storeId}::uuid AND i."orderId" = ${orderId}::uuid AND i.kind = 'INVOICE'
    GROUP BY i."storeId", i.id ORDER BY i.icv DESC`;
  return rows.find((r) => r.balance > 0) ?? null;
}

/** The order's lines as sold, with shipping and the cash-on-delivery fee as lines of their own. */
function orderLines(order: OrderForInvoice, items: { name: string; sku: string; quantity: number; unitPrice: number }[], chain: ChainRow, registered: boolean) {
  const mode = registered
    ? { rateBp: order.vatRateBp ?? chain.vatRateBp, pricesIncludeVat: order.pricesIncludeVat ?? true }
    : { rateBp: 0, pricesIncludeVat: true };
  const extra = [
    ...(order.shippingFee ? [{ name: "Shipping — الشحن", sku: null, quantity: 1, unitPrice: order.shippingFee }] : []),
    ...(order.codFee ? [{ name: "Cash on delivery fee — رسوم الدفع عند الاستلام", sku: null, quantity: 1, unitPrice: order.codFee }] : []),
  ];
  const lines = vatLines([...items.map((i) => ({ name: i.name, sku: i.sku, quantity: i.quantity, unitPrice: i.unitPrice })), ...extra], mode);
  return { lines, rateBp: mode.rateBp };
}

/**
 * The order's invoice, issued now unless it has one that still covers something. An order refunded in
 * part before it was invoiced gets its credit note at once. Returns null when there was one already.
 */
export async function issueInvoiceInTx(tx: Tx, storeId: string, orderId: string, actor: Actor, now = new Date()): Promise<IssuedDocument | null> {
  // The order's own reads come before the store's chain lock (every caller holds the order's row lock),
  // so the lock every document of the store waits on is held for as little as can be.
  if (await liveInvoice(tx, storeId, orderId)) return null;
  const order = await orderForInvoice(tx, storeId, orderId);
  if (!order) return null;
  const items = await tx.orderItem.findMany({
    where: { storeId, orderId },
    orderBy: { id: "asc" },
    select: { name: true, sku: true, quantity: true, unitPrice: true },
  });
  const chain = await lockChain(tx, storeId);
  const registered = chain.vatRegistered && !!chain.vatNumber && !!chain.publicKey;
  const { lines, rateBp } = orderLines(order, items, chain, registered);
  // The invoice is what the customer was charged, to the halala (orders carry no discounts of their own).
  if (vatTotals(lines).gross !== order.total)
    throw new Error(`order ${order.number}: its lines come to ${vatTotals(lines).gross}, its total is ${order.total}`);
  const invoice = await writeDocument(tx, storeId, chain, { kind: "INVOICE", order, lines, rateBp, actor, now });
  if (order.refundedAmount > 0)
    await writeNote(tx, storeId, chain, order, {
      kind: "CREDIT_NOTE",
      amount: order.refundedAmount,
      reason: "Refunded before invoicing — مسترد قبل إصدار الفاتورة",
      actor,
      now,
    });
  return invoice;
}

type NoteInput = {
  kind: "CREDIT_NOTE" | "DEBIT_NOTE";
  amount: number | "rest";
  reason: string;
  actor: Actor;
  now: Date;
  /** Money that moved anyway (a refund): credit what the invoice has left, at most. A person's note is refused instead. */
  clamp?: boolean;
};

async function writeNote(tx: Tx, storeId: string, chain: ChainRow, order: OrderForInvoice, note: NoteInput): Promise<IssuedDocument | null> {
  const invoice = await liveInvoice(tx, storeId, order.id);
  if (!invoice) return null;
  const asked = note.amount === "rest" ? invoice.balance : note.amount;
  const amount = note.clamp && note.kind === "CREDIT_NOTE" ? Math.min(asked, invoice.balance) : asked;
  if (note.kind === "CREDIT_NOTE" && amount > invoice.balance)
    throw new AppError(
      "VALIDATION_FAILED",
      `A credit note cannot exceed what is left of invoice ${invoice.number} (${formatMoney(invoice.balance, order.currency, "en")}).`,
      {
        say: { key: "creditNoteTooLarge", params: { number: invoice.number, left: { money: invoice.balance, currency: order.currency } } },
        fields: { amount: issue("atMostAmount", { amount: { money: invoice.balance, currency: order.currency } }) },
      },
    );
  if (amount <= 0) return null;
  // All that is left of an untouched invoice: its own lines, so the note reads like the invoice it cancels.
  const whole = note.kind === "CREDIT_NOTE" && amount === invoice.total && invoice.balance === invoice.total;
  const lines = whole
    ? (invoice.lines as VatLine[])
    : [amountLine(note.kind === "CREDIT_NOTE" ? "Refund — استرداد" : "Added charge — رسوم إضافية", amount, invoice.vatRateBp)];
  return writeDocument(tx, storeId, chain, {
    kind: note.kind,
    order,
    lines,
    rateBp: invoice.vatRateBp,
    invoice,
    reason: note.reason,
    actor: note.actor,
    now: note.now,
  });
}

/**
 * A credit note (money back, or the sale undone) or a debit note (a charge added) against the order's
 * invoice, never more than the invoice has left. Null when the order has no invoice to note.
 */
export async function issueNoteInTx(tx: Tx, storeId: string, orderId: string, note: NoteInput): Promise<IssuedDocument | null> {
  const chain = await lockChain(tx, storeId);
  const order = await orderForInvoice(tx, storeId, orderId);
  if (!order) return null;
  return writeNote(tx, storeId, chain, order, note);
}

/**
 * What a status change means for the order's tax documents: delivered invoices it (when the store
 * invoices on delivery); money given back is credited; a canceled or returned order has what is left of
 * its invoice credited. Nothing is locked for an order that has no invoice and needs none.
 */
export async function taxDocumentsForMoveInTx(
  tx: Tx,
  storeId: string,
  orderId: string,
  move: { to: string; refunded: number; partial: boolean },
  actor: Actor,
): Promise<void> {
  const now = new Date();
  if (move.to === "delivered") {
    const profile = await tx.taxProfile.findUnique({ where: { storeId }, select: { issueOn: true } });
    if (profile?.issueOn === "ON_DELIVERY") await issueInvoiceInTx(tx, storeId, orderId, actor, now);
    return;
  }
  if (!["refunded", "canceled", "returned"].includes(move.to)) return;
  const invoiced = await tx.taxDocument.count({ where: { storeId, orderId, kind: "INVOICE" } });
  if (!invoiced) return;
  if (move.to === "refunded" && move.refunded > 0)
    await issueNoteInTx(tx, storeId, orderId, { kind: "CREDIT_NOTE", amount: move.refunded, reason: "Refund — استرداد", actor, now, clamp: true });
  if (move.to === "canceled" || move.to === "returned" || (move.to === "refunded" && !move.partial))
    await issueNoteInTx(tx, storeId, orderId, {
      kind: "CREDIT_NOTE",
      amount: "rest",
      reason:
        move.to === "canceled" ? "Order canceled — أُلغي الطلب" : move.to === "returned" ? "Order returned — أُعيد الطلب" : "Refunded in full — استرداد كامل",
      actor,
      now,
      clamp: true,
    });
}
