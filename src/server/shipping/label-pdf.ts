// The 4×6 in shipping label (288×432 pt): sender, recipient, order, carrier, weights, pieces, COD and
// the tracking number as a Code128 barcode. Arabic is drawn with a font shipped with the project, run by
// run in visual order (see bidi.ts).
import PDFDocument from "pdfkit";
import bwipjs from "bwip-js/node";
import { line, pdfBytes, setup } from "@/server/files/pdf-text";

export type LabelData = {
  carrierName: string;
  handover: "pickup" | "dropoff";
  trackingNumber: string;
  orderNumber: number;
  from: { name: string; branch: string; address: string; city: string; phone: string };
  to: { name: string; phone: string; address: string; district?: string | null; city: string; postalCode?: string | null };
  actualGrams: number;
  chargeableGrams: number;
  pieces: number;
  /** Minor units; 0 when nothing is collected. */
  codAmount: number;
  currency: string;
  date: Date;
};

type Doc = InstanceType<typeof PDFDocument>;

const kg = (grams: number) => `${(grams / 1000).toFixed(grams % 1000 === 0 ? 0 : 1)} kg`;
const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

async function drawLabel(doc: Doc, label: LabelData, piece = 1) {
  const W = 288;
  const m = 12;
  const inner = W - 2 * m;
  doc.lineWidth(1).strokeColor("#000");

  // Carrier and service
  line(doc, label.carrierName, m, m, inner / 2, 16, true);
  line(doc, label.handover === "pickup" ? "PICKUP" : "DROP-OFF", m + inner / 2, m + 3, inner / 2, 10, true);
  doc
    .moveTo(m, 36)
    .lineTo(W - m, 36)
    .stroke();

  // From
  line(doc, "FROM", m, 42, 40, 7, true);
  line(doc, `${label.from.name} — ${label.from.branch}`, m, 52, inner, 9, true);
  line(doc, `${label.from.address}، ${label.from.city}`, m, 64, inner, 8);
  line(doc, label.from.phone, m, 75, inner, 8);
  doc
    .moveTo(m, 90)
    .lineTo(W - m, 90)
    .stroke();

  // To
  line(doc, "TO", m, 96, 40, 7, true);
  line(doc, label.to.name, m, 106, inner, 13, true);
  line(doc, label.to.phone, m, 124, inner, 11, true);
  line(doc, label.to.address, m, 141, inner, 10);
  line(doc, [label.to.district, label.to.city, label.to.postalCode].filter(Boolean).join("، "), m, 155, inner, 10);
  doc
    .moveTo(m, 174)
    .lineTo(W - m, 174)
    .stroke();

  // Order facts
  const facts: [string, string][] = [
    ["ORDER", `#${label.orderNumber}`],
    ["WEIGHT", `${kg(label.actualGrams)} / ${kg(label.chargeableGrams)} chg`],
    // A shipment of several parcels gets one label per parcel, each saying which it is.
    ["PIECE", label.pieces > 1 ? `${piece} of ${label.pieces}` : "1 of 1"],
    ["DATE", label.date.toISOString().slice(0, 10)],
  ];
  facts.forEach(([k, v], i) => {
    const x = m + (i % 2) * (inner / 2);
    const y = 180 + Math.floor(i / 2) * 26;
    line(doc, k, x, y, inner / 2, 7, true);
    line(doc, v, x, y + 9, inner / 2, 10);
  });
  if (label.codAmount > 0) {
    doc.rect(m, 234, inner, 30).fill("#000");
    doc.fillColor("#fff");
    line(doc, `COD  ${money(label.codAmount, label.currency)}`, m + 8, 242, inner - 16, 13, true);
    doc.fillColor("#000");
  } else {
    line(doc, "PREPAID", m, 242, inner, 13, true);
  }

  // Tracking barcode
  barcode(doc, label.trackingNumber, m, 284, inner, 92);
  const tn = label.trackingNumber;
  doc.font("latin-bold").fontSize(14);
  doc.text(tn, m + (inner - doc.widthOfString(tn)) / 2, 386, { lineBreak: false });
}

/**
 * Code 128 drawn as vector bars, centred in the box with a quiet zone of 10 modules each side: crisp at
 * any printer's resolution, and no image to encode and decode for every label.
 */
function barcode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, height: number) {
  const [{ sbs }] = bwipjs.raw({ bcid: "code128", text }) as unknown as [{ sbs: number[] }];
  const modules = sbs.reduce((a, b) => a + b, 0);
  const bar = Math.min(3, width / (modules + 20));
  let at = x + (width - modules * bar) / 2;
  sbs.forEach((w, i) => {
    if (i % 2 === 0) doc.rect(at, y, w * bar, height);
    at += w * bar;
  });
  doc.fill("#000");
}

async function render(labels: LabelData[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: [288, 432], margin: 0, autoFirstPage: false, info: { Title: "Shipping labels", Producer: "Tajer" } });
  setup(doc);
  const done = pdfBytes(doc);
  for (const label of labels) {
    for (let piece = 1; piece <= Math.max(1, label.pieces); piece++) {
      doc.addPage({ size: [288, 432], margin: 0 });
      await drawLabel(doc, label, piece);
    }
  }
  doc.end();
  return done;
}

export const renderLabelPdf = (label: LabelData) => render([label]);
/** Several labels as one PDF, a page per parcel, for printing a batch. */
export const renderLabelsPdf = (labels: LabelData[]) => render(labels);
