// Text in PDFs in either language: the project's own fonts (IBM Plex Sans Arabic, with its Latin), parsed
// once per process, and one line of text drawn run by run in visual order, Arabic shaped and right to
// left (see bidi.ts) — the shipping label, tax invoices and packing papers all write through it.
import path from "node:path";
import fs from "node:fs";
import type PDFDocument from "pdfkit";
import * as fontkit from "fontkit";
import { baseDirection, visualRuns } from "@/server/shipping/bidi";
import { woffToSfnt } from "@/server/shipping/woff";

type Doc = InstanceType<typeof PDFDocument>;

// The fonts come with the project's dependencies. A plain path, not require.resolve: the bundler would
// try to bundle every file the pattern could match.
const FONT_DIR = process.env.TAJER_FONT_DIR ?? path.join(process.cwd(), "node_modules/@fontsource/ibm-plex-sans-arabic/files");
const fontFile = (name: string) => path.join(FONT_DIR, `ibm-plex-sans-arabic-${name}-normal.woff`);
// One Arabic face: parsing an Arabic font costs ~0.1 s per document, so bold Arabic uses the regular face.
const FONTS = {
  arabic: fontFile("arabic-400"),
  latin: fontFile("latin-400"),
  latinBold: fontFile("latin-600"),
};

// Unpacked from WOFF and parsed once per process, then shared by every document (pdfkit takes a fontkit
// font as a source and makes its own subset per document): unpacking and parsing, not drawing, were
// most of a label's time.
let parsed: Record<keyof typeof FONTS, unknown> | null = null;
function fonts() {
  parsed ??= {
    arabic: fontkit.create(woffToSfnt(fs.readFileSync(FONTS.arabic))),
    latin: fontkit.create(woffToSfnt(fs.readFileSync(FONTS.latin))),
    latinBold: fontkit.create(woffToSfnt(fs.readFileSync(FONTS.latinBold))),
  };
  return parsed;
}

export function setup(doc: Doc) {
  const f = fonts();
  doc.registerFont("arabic", f.arabic as never);
  doc.registerFont("latin", f.latin as never);
  doc.registerFont("latin-bold", f.latinBold as never);
}

/** One line of text of either direction, right-aligned when it is Arabic, clipped to the box. */
export function line(doc: Doc, text: string, x: number, y: number, width: number, size: number, bold = false) {
  const runs = visualRuns(text);
  const fontOf = (kind: "arabic" | "latin") => (bold && kind === "latin" ? "latin-bold" : kind);
  doc.fontSize(size);
  // Arabic runs are laid out right to left by the font engine only when asked to ("rtla").
  const options = (kind: "arabic" | "latin") => ({ lineBreak: false, ...(kind === "arabic" ? { features: ["rtla"] } : {}) }) as PDFKit.Mixins.TextOptions;
  const widths = runs.map((r) => doc.font(fontOf(r.font)).widthOfString(r.text, options(r.font)));
  const total = widths.reduce((a, b) => a + b, 0);
  let cursor = baseDirection(text) === "rtl" ? x + Math.max(0, width - total) : x;
  runs.forEach((r, i) => {
    doc.font(fontOf(r.font)).text(r.text, cursor, y, options(r.font));
    cursor += widths[i];
  });
}

/** The width one line of text takes, as `line` would draw it. */
export function lineWidth(doc: Doc, text: string, size: number, bold = false): number {
  const fontOf = (kind: "arabic" | "latin") => (bold && kind === "latin" ? "latin-bold" : kind);
  doc.fontSize(size);
  return visualRuns(text).reduce(
    (sum, r) =>
      sum +
      doc.font(fontOf(r.font)).widthOfString(r.text, { lineBreak: false, ...(r.font === "arabic" ? { features: ["rtla"] } : {}) } as PDFKit.Mixins.TextOptions),
    0,
  );
}

/** Text cut to fit a width, with an ellipsis where it was cut. */
export function fit(doc: Doc, text: string, width: number, size: number, bold = false): string {
  if (lineWidth(doc, text, size, bold) <= width) return text;
  let cut = text;
  while (cut.length > 1 && lineWidth(doc, `${cut}…`, size, bold) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** The document's bytes once it is ended (call before drawing: pdfkit streams pages as they are written). */
export function pdfBytes(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
}
