// Tax documents as PDFs, Arabic and English side by side: an A4 page per document, or an 80 mm thermal
// receipt. Words come from the catalogs (`taxPdf`, both languages on every document, as Saudi invoices
// are written); Arabic is shaped and right to left (files/pdf-text.ts); the QR is drawn as vector modules.
import PDFDocument from "pdfkit";
import bwipjs from "bwip-js/node";
import { fit, line, lineWidth, pdfBytes, setup } from "@/server/files/pdf-text";
import { translator } from "@/server/errors/words";
import { decimal, type VatLine } from "./vat";

type Doc = InstanceType<typeof PDFDocument>;

export type InvoicePdfData = {
  kind: "INVOICE" | "CREDIT_NOTE" | "DEBIT_NOTE";
  number: string;
  /** On the store's clock: "2026-12-01 13:05". */
  issuedAt: string;
  orderNumber: number;
  paymentMethod: string;
  currency: string;
  vatRegistered: boolean;
  vatRate: number;
  seller: { legalNameAr: string; legalNameEn: string; vatNumber: string; crNumber?: string | null; address: string };
  buyer: { name: string; city?: string | null };
  invoice?: { number: string; issuedAt: string } | null;
  reason?: string | null;
  lines: VatLine[];
  netTotal: number;
  vatTotal: number;
  total: number;
  qr: string | null;
};

const en = translator("en");
const ar = translator("ar");
const both = (key: string, values?: Record<string, string | number>) => [en(`taxPdf.${key}`, values), ar(`taxPdf.${key}`, values)] as const;
const title = (d: InvoicePdfData) =>
  both(d.kind === "CREDIT_NOTE" ? "creditNote" : d.kind === "DEBIT_NOTE" ? "debitNote" : d.vatRegistered ? "invoice" : "plainInvoice");
const money = (minor: number) => decimal(minor);

/** A QR code drawn as squares, `size` points wide, with its quiet zone. */
function qrCode(doc: Doc, text: string, x: number, y: number, size: number) {
  const [{ pixs, pixx, pixy }] = bwipjs.raw({ bcid: "qrcode", text, eclevel: "M" } as never) as unknown as [{ pixs: number[]; pixx: number; pixy: number }];
  const cell = size / (pixx + 8);
  for (let row = 0; row < pixy; row++)
    for (let col = 0; col < pixx; col++) if (pixs[row * pixx + col]) doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell + 0.05, cell + 0.05);
  doc.fill("#000");
}

/** English on the left, Arabic on the right, on one row. */
function pair(doc: Doc, [english, arabic]: readonly [string, string], x: number, y: number, width: number, size: number, bold = false) {
  line(doc, english, x, y, width / 2 - 4, size, bold);
  line(doc, arabic, x + width / 2 + 4, y, width / 2 - 4, size, bold);
}

/** A label in both languages and its value between them. */
function fact(doc: Doc, key: string, value: string, x: number, y: number, width: number) {
  const [english, arabic] = both(key);
  line(doc, english, x, y, width * 0.3, 8);
  const valueWidth = Math.min(lineWidth(doc, value, 9, true), width * 0.4);
  line(doc, value, x + (width - valueWidth) / 2, y, valueWidth, 9, true);
  line(doc, arabic, x + width * 0.7, y, width * 0.3, 8);
}

function drawA4(doc: Doc, d: InvoicePdfData) {
  const M = 40;
  const W = 595 - 2 * M;
  let y = M;
  doc.rect(M, y, W, 34).fill("#0f172a");
  doc.fillColor("#fff");
  pair(doc, title(d), M + 10, y + 9, W - 20, 15, true);
  doc.fillColor("#000");
  y += 46;

  // The seller, in both languages.
  line(doc, d.seller.legalNameEn, M, y, W / 2 - 4, 12, true);
  line(doc, d.seller.legalNameAr, M + W / 2 + 4, y, W / 2 - 4, 12, true);
  y += 18;
  line(doc, fit(doc, d.seller.address, W, 8), M, y, W, 8);
  y += 14;
  if (d.vatRegistered) {
    fact(doc, "vatNumber", d.seller.vatNumber, M, y, W);
    y += 13;
  }
  if (d.seller.crNumber) {
    fact(doc, "crNumber", d.seller.crNumber, M, y, W);
    y += 13;
  }
  doc
    .moveTo(M, y + 3)
    .lineTo(M + W, y + 3)
    .lineWidth(0.5)
    .stroke("#94a3b8");
  y += 10;

  // The document.
  const facts: [string, string][] = [
    ["number", d.number],
    ["issued", d.issuedAt],
    ["order", `#${d.orderNumber}`],
    ["payment", d.paymentMethod],
    ...(d.invoice ? ([["invoiceRef", `${d.invoice.number} (${d.invoice.issuedAt})`]] as [string, string][]) : []),
    ...(d.reason ? ([["reason", d.reason]] as [string, string][]) : []),
  ];
  const qrSize = d.qr ? 110 : 0;
  const factsWidth = W - qrSize - (qrSize ? 16 : 0);
  const top = y;
  for (const [key, value] of facts) {
    fact(doc, key, fit(doc, value, factsWidth * 0.4, 9, true), M, y, factsWidth);
    y += 14;
  }
  y += 4;
  fact(doc, "buyer", fit(doc, [d.buyer.name, d.buyer.city].filter(Boolean).join("، "), factsWidth * 0.4, 9, true), M, y, factsWidth);
  y += 14;
  if (d.qr) qrCode(doc, d.qr, M + W - qrSize, top - 6, qrSize);
  y = Math.max(y, top + qrSize - 6) + 10;

  // The lines.
  const cols = [
    { key: "item", width: W * 0.34, align: "start" as const },
    { key: "quantity", width: W * 0.08 },
    { key: "unitPrice", width: W * 0.14 },
    { key: "net", width: W * 0.14 },
    { key: "vat", width: W * 0.13 },
    { key: "lineTotal", width: W * 0.17 },
  ].filter((c) => d.vatRegistered || (c.key !== "net" && c.key !== "vat"));
  const scale = W / cols.reduce((n, c) => n + c.width, 0);
  cols.forEach((c) => (c.width *= scale));
  doc.rect(M, y, W, 28).fill("#e2e8f0");
  doc.fillColor("#000");
  let x = M;
  for (const c of cols) {
    const [english, arabic] = both(c.key);
    line(doc, english, x + 4, y + 3, c.width - 8, 8, true);
    line(doc, arabic, x + 4, y + 15, c.width - 8, 8);
    x += c.width;
  }
  y += 32;
  for (const l of d.lines) {
    const unit = d.vatRegistered ? Math.round(l.gross / l.quantity) : l.unitPrice;
    const cells: Record<string, string> = {
      item: fit(doc, l.name, cols[0].width - 8, 9),
      quantity: String(l.quantity),
      unitPrice: money(unit),
      net: money(l.net),
      vat: money(l.vat),
      lineTotal: money(l.gross),
    };
    x = M;
    for (const c of cols) {
      const value = cells[c.key];
      const w = lineWidth(doc, value, 9);
      line(doc, value, c.key === "item" ? x + 4 : x + c.width - 4 - w, y, c.width - 8, 9);
      x += c.width;
    }
    y += 16;
    doc
      .moveTo(M, y - 3)
      .lineTo(M + W, y - 3)
      .lineWidth(0.3)
      .stroke("#cbd5e1");
    if (y > 842 - 160) {
      doc.addPage({ size: "A4", margin: 0 });
      y = M;
    }
  }

  // The totals.
  y += 8;
  const totals: [readonly [string, string], string, boolean][] = d.vatRegistered
    ? [
        [both("totalNet"), money(d.netTotal), false],
        [both("totalVat", { rate: d.vatRate }), money(d.vatTotal), false],
        [both("totalGross"), `${money(d.total)} ${d.currency}`, true],
      ]
    : [[both("total"), `${money(d.total)} ${d.currency}`, true]];
  const boxX = M + W * 0.4;
  const boxW = W * 0.6;
  for (const [[english, arabic], value, strong] of totals) {
    if (strong)
      doc
        .rect(boxX, y - 4, boxW, 20)
        .fill("#0f172a")
        .fillColor("#fff");
    line(doc, english, boxX + 6, y, boxW * 0.35, 9, strong);
    const w = lineWidth(doc, value, 10, true);
    line(doc, value, boxX + (boxW - w) / 2, y, w, 10, true);
    line(doc, arabic, boxX + boxW * 0.65 - 6, y, boxW * 0.35, 9, strong);
    doc.fillColor("#000");
    y += 20;
  }
  y += 16;
  pair(doc, both("thanks"), M, y, W, 9);
}

function receiptHeight(d: InvoicePdfData) {
  return 190 + d.lines.length * 30 + (d.invoice ? 14 : 0) + (d.reason ? 14 : 0) + (d.vatRegistered ? 60 : 20) + (d.qr ? 150 : 0);
}

/** 80 mm wide (227 pt), as long as the document. */
function drawReceipt(doc: Doc, d: InvoicePdfData) {
  const M = 10;
  const W = 227 - 2 * M;
  let y = M;
  const center = (text: string, size: number, bold = false) => {
    const shown = fit(doc, text, W, size, bold);
    const w = lineWidth(doc, shown, size, bold);
    line(doc, shown, M + (W - w) / 2, y, w, size, bold);
    y += size + 5;
  };
  center(d.seller.legalNameAr, 11, true);
  center(d.seller.legalNameEn, 9, true);
  if (d.vatRegistered) center(`${d.seller.vatNumber}`, 8);
  y += 2;
  const [english, arabic] = title(d);
  center(arabic, 10, true);
  center(english, 9, true);
  const rule = () => {
    doc
      .moveTo(M, y)
      .lineTo(M + W, y)
      .dash(2, { space: 2 })
      .lineWidth(0.5)
      .stroke("#000")
      .undash();
    y += 6;
  };
  rule();
  const row = (key: string, value: string) => {
    const [e, a] = both(key);
    line(doc, e, M, y, W * 0.3, 7);
    const shown = fit(doc, value, W * 0.4, 8, true);
    const w = lineWidth(doc, shown, 8, true);
    line(doc, shown, M + (W - w) / 2, y, w, 8, true);
    line(doc, a, M + W * 0.7, y, W * 0.3, 7);
    y += 13;
  };
  row("number", d.number);
  row("issued", d.issuedAt);
  row("order", `#${d.orderNumber}`);
  row("payment", d.paymentMethod);
  if (d.invoice) row("invoiceRef", d.invoice.number);
  if (d.reason) row("reason", d.reason);
  rule();
  for (const l of d.lines) {
    line(doc, fit(doc, l.name, W, 8), M, y, W, 8);
    y += 12;
    const left = `${l.quantity} × ${money(Math.round(l.gross / l.quantity))}`;
    line(doc, left, M, y, W / 2, 8);
    const total = money(l.gross);
    line(doc, total, M + W - lineWidth(doc, total, 8, true), y, W / 2, 8, true);
    y += 16;
  }
  rule();
  const sum = (key: readonly [string, string], value: string, strong = false) => {
    line(doc, key[0], M, y, W * 0.35, 7, strong);
    const w = lineWidth(doc, value, strong ? 10 : 8, true);
    line(doc, value, M + (W - w) / 2, y, w, strong ? 10 : 8, true);
    line(doc, key[1], M + W * 0.65, y, W * 0.35, 7, strong);
    y += strong ? 16 : 13;
  };
  if (d.vatRegistered) {
    sum(both("totalNet"), money(d.netTotal));
    sum(both("totalVat", { rate: d.vatRate }), money(d.vatTotal));
    sum(both("totalGross"), `${money(d.total)} ${d.currency}`, true);
  } else sum(both("total"), `${money(d.total)} ${d.currency}`, true);
  if (d.qr) {
    y += 4;
    qrCode(doc, d.qr, M + (W - 140) / 2, y, 140);
    y += 146;
  }
  center(both("thanks")[1], 8);
  center(both("thanks")[0], 7);
}

export type InvoiceFormat = "a4" | "receipt";

/** One or more documents as one PDF: a page (or a receipt) each, in the order given. */
export async function renderInvoicesPdf(documents: InvoicePdfData[], format: InvoiceFormat): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    info: { Title: documents.length === 1 ? documents[0].number : "Tax invoices", Producer: "Tajer" },
  });
  setup(doc);
  const done = pdfBytes(doc);
  for (const d of documents) {
    if (format === "a4") {
      doc.addPage({ size: "A4", margin: 0 });
      drawA4(doc, d);
    } else {
      doc.addPage({ size: [227, receiptHeight(d)], margin: 0 });
      drawReceipt(doc, d);
    }
  }
  doc.end();
  return done;
}
