import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { parseCsv } from "@/lib/csv";
import { MAX_IMPORT_ROWS, type ImportProblem } from "./import-plan";

export type SheetRow = { row: number; cells: string[] };
export type Sheet = { header: string[]; rows: SheetRow[]; problems: ImportProblem[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** What an Excel file may unpack to: far above any real catalog of MAX_IMPORT_ROWS rows, far below a zip bomb. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/**
 * A file of products as rows of text cells: Excel (.xlsx, its first sheet) or CSV (UTF-8, or the Arabic
 * Windows code page that older Excel saves CSV in). Blank rows are left out; each row keeps the number a
 * spreadsheet shows for it. More than MAX_IMPORT_ROWS rows is refused before they are all read.
 */
export async function readSheet(bytes: Uint8Array): Promise<Sheet> {
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  const fail = (rule: ImportProblem["rule"], params?: ImportProblem["params"]): Sheet => ({
    header: [],
    rows: [],
    problems: [{ row: 1, column: null, rule, params }],
  });
  let all: string[][];
  if (isZip) {
    const unpacked = declaredUnpackedSize(bytes);
    if (unpacked === null || unpacked > MAX_UNPACKED_BYTES) return fail("unreadable");
    try {
      const read = await readXlsx(bytes);
      if (read === "tooMany") return fail("tooManyRows", { max: MAX_IMPORT_ROWS });
      all = read;
    } catch {
      return fail("unreadable");
    }
  } else {
    const text = decodeText(bytes);
    if (text === null) return fail("unreadable");
    const parsed = parseCsv(text);
    if (parsed.unclosedQuoteAtRow !== null)
      return { header: [], rows: [], problems: [{ row: parsed.unclosedQuoteAtRow, column: null, rule: "unclosedQuote" }] };
    all = parsed.rows;
  }
  const numbered = all.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.trim()) })).filter((r) => r.cells.some((c) => c !== ""));
  if (!numbered.length) return fail("fileEmpty");
  const [header, ...rows] = numbered;
  if (rows.length > MAX_IMPORT_ROWS) return fail("tooManyRows", { max: MAX_IMPORT_ROWS });
  if (!rows.length) return { header: header.cells, rows: [], problems: [{ row: 2, column: null, rule: "fileEmpty" }] };
  return { header: header.cells, rows, problems: [] };
}

function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Excel's "CSV" on an Arabic Windows writes the Windows-1256 code page.
    try {
      return new TextDecoder("windows-1256", { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
}

/** The sum of the sizes a zip's central directory declares for its entries, or null if it has none. */
function declaredUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: within the last 64 KiB + 22 bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    let p = view.getUint32(at + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
      total += view.getUint32(p + 24, true);
      p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    return total;
  }
  return null;
}

type CellValue = ExcelJS.CellValue;

/** A cell as the text a person sees in it: a formula's result, rich text joined, a date as its day. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("result" in value) return cellText(value.result as CellValue);
  if ("text" in value && typeof value.text === "string") return value.text;
  return "";
}

async function readXlsx(bytes: Uint8Array): Promise<string[][] | "tooMany"> {
  // Loaded on the first workbook read: ~30 MB that a process which never reads one does not hold.
  const { default: Excel } = await import("exceljs");
  const input = Readable.from([Buffer.from(bytes)]);
  const reader = new Excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const rows: string[][] = [];
  let filled = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        // Row numbers as the sheet has them: rows it skips are blank rows here.
        while (rows.length < row.number - 1) rows.push([]);
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] as CellValue));
        rows.push(cells);
        if (cells.some((c) => c.trim()) && ++filled > MAX_IMPORT_ROWS + 1) return "tooMany";
      }
      break; // the first sheet only
    }
  } finally {
    input.destroy();
  }
  return rows;
}
