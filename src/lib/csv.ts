// CSV as spreadsheets read it (RFC 4180), and as nobody can turn into a formula: every cell quoted, a text
// that a spreadsheet would run (=, +, -, @, a tab or a return first) starts with an apostrophe instead.

/** One cell. Numbers stay numbers; text that would start a formula is neutralised. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  if (typeof value === "number") return String(value);
  // A number written as text ("-12.50", "+966500000001") runs nothing; anything else starting so might.
  const text = /^[=+\-@\t\r]/.test(value) && Number.isNaN(Number(value)) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

export const csvLine = (cells: readonly (string | number | null | undefined)[]): string => `${cells.map(csvCell).join(",")}\r\n`;

/** A byte-order mark first: Excel then reads the file as UTF-8, and Arabic opens as Arabic. */
export const CSV_BOM = "\uFEFF";

/** Minor units as a decimal in the currency's major unit (12550, 2 digits → 125.5), exact. */
export function minorToDecimal(minor: number, digits: number): number {
  return Number((minor / 10 ** digits).toFixed(digits));
}

/**
 * A CSV file as rows of cells (RFC 4180: quoted cells may hold commas, quotes doubled, line breaks), as
 * spreadsheets write it: a byte-order mark dropped, CRLF or LF, and the separator of the header line —
 * a comma, or the semicolon or tab that Excel writes where the comma is the decimal point. A quote left
 * open at the end is reported, never guessed.
 */
export function parseCsv(text: string): { rows: string[][]; unclosedQuoteAtRow: number | null } {
  const src = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const separator = detectSeparator(src);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
      continue;
    }
    if (ch === '"' && cell === "") quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  // Rows as a spreadsheet numbers them: the record, not the line (a quoted cell may span lines).
  if (quoted) return { rows, unclosedQuoteAtRow: rows.length + 1 };
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return { rows, unclosedQuoteAtRow: null };
}

function detectSeparator(text: string): string {
  let header = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === "\n" || ch === "\r")) break;
    if (!quoted) header += ch;
  }
  const count = (c: string) => header.split(c).length - 1;
  const [best] = [",", ";", "\t"].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ",";
}
