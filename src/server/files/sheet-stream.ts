import "server-only";
import { PassThrough, Readable } from "node:stream";
import { CSV_BOM, csvLine } from "@/lib/csv";

export type SheetCell = string | number | null;
export type SheetSpec = {
  /** The header row, in the reader's language. */
  header: readonly string[];
  /** Column widths in the workbook, in characters. */
  widths?: readonly number[];
  sheetName: string;
  rightToLeft: boolean;
  /** The rows, a page at a time as they are read. */
  pages: () => AsyncIterable<readonly (readonly SheetCell[])[]>;
};

/** A sheet as CSV: a BOM (so Excel reads Arabic as Arabic), the header, then each page as it is read. */
export function csvStream(spec: SheetSpec): ReadableStream<Uint8Array> {
  async function* lines() {
    yield CSV_BOM + csvLine(spec.header);
    for await (const page of spec.pages()) yield page.map((cells) => csvLine(cells)).join("");
  }
  return Readable.toWeb(Readable.from(lines(), { objectMode: false })) as ReadableStream<Uint8Array>;
}

/**
 * A sheet as an Excel workbook, written as it is read: rows are committed to the zip stream a page at a
 * time (no shared-strings table held in memory), and the next page waits while the reader is behind.
 */
export function xlsxStream(spec: SheetSpec): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const behind = () => new Promise<void>((resolve) => (out.readableLength < 1 << 20 ? resolve() : out.once("drain", () => resolve())));
  void (async () => {
    try {
      // Loaded on the first workbook: ~30 MB that a server or worker which never writes one does not hold.
      const { default: ExcelJS } = await import("exceljs");
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
      const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ rightToLeft: spec.rightToLeft, state: "frozen", ySplit: 1 }] });
      sheet.columns = spec.header.map((header, i) => ({ header, key: String(i), width: spec.widths?.[i] ?? 18 }));
      for await (const page of spec.pages()) {
        for (const cells of page) sheet.addRow([...cells]).commit();
        await behind();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
