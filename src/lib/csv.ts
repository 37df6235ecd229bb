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
