// A carrier's remittance statement file read into lines. Pure: the columns each carrier writes by default
// (a store edits them in Settings → Cash on delivery), and one sheet of text cells → lines of tracking
// number and amount in minor units, the statement's number, date and stated total when the file says them,
// and every problem with its row.
import { z } from "zod";
import { CARRIER_IDS, type CarrierId } from "@/server/shipping/carriers";
import { foldText, readAmount, readCount, westernDigits } from "@/server/catalog/import-plan";

export const STATEMENT_FIELDS = ["tracking", "amount", "reference", "paidOn"] as const;
export type StatementField = (typeof STATEMENT_FIELDS)[number];

const heading = z.string().trim().max(60);
export const statementColumnsOfCarrier = z.strictObject({
  tracking: heading.min(1),
  amount: heading.min(1),
  reference: heading.default(""),
  paidOn: heading.default(""),
  // Whether the amount column is in riyals ("149.50") or in halalas ("14950").
  amountIn: z.enum(["major", "minor"]).default("major"),
});
export type StatementColumns = z.output<typeof statementColumnsOfCarrier>;

/** The headings each carrier's statement export uses, as documented in README → "Carriers' statements". */
export const DEFAULT_STATEMENT_COLUMNS: Record<CarrierId, StatementColumns> = {
  aramex: { tracking: "AWB Number", amount: "COD Amount", reference: "Remittance No", paidOn: "Remittance Date", amountIn: "major" },
  smsa: { tracking: "AWB No", amount: "COD Value", reference: "Statement No", paidOn: "Transfer Date", amountIn: "major" },
  spl: { tracking: "Barcode", amount: "Collected Amount", reference: "Payment Reference", paidOn: "Payment Date", amountIn: "major" },
  dhl: { tracking: "Waybill", amount: "COD Amount", reference: "Invoice Number", paidOn: "Invoice Date", amountIn: "major" },
  aymakan: { tracking: "Tracking Number", amount: "COD Collected", reference: "Settlement ID", paidOn: "Settlement Date", amountIn: "major" },
};

export const statementColumnsSchema = z.strictObject(
  Object.fromEntries(CARRIER_IDS.map((c) => [c, statementColumnsOfCarrier.optional()])) as Record<CarrierId, z.ZodOptional<typeof statementColumnsOfCarrier>>,
);

/** A store's columns for one carrier: its own when it set them, else the carrier's usual ones. */
export function columnsFor(stored: unknown, carrier: CarrierId): StatementColumns {
  const parsed = statementColumnsSchema.safeParse(stored ?? {});
  return (parsed.success ? parsed.data[carrier] : undefined) ?? DEFAULT_STATEMENT_COLUMNS[carrier];
}

/** Every problem a statement file can have; each has words in both catalogs (`cod.problem`). */
export const STATEMENT_PROBLEMS = [
  "unreadable",
  "tooManyRows",
  "missingColumn",
  "missingTracking",
  "notAmount",
  "decimalComma",
  "tooManyDecimals",
  "tooLarge",
  "notWholeNumber",
  "severalStatements",
  "notDate",
  "noLines",
] as const;
export type StatementProblem = { row: number; rule: (typeof STATEMENT_PROBLEMS)[number]; params?: Record<string, string | number> };

export type StatementLine = { row: number; trackingNumber: string; amount: number };
export type ReadStatement = {
  lines: StatementLine[];
  /** A row whose tracking cell says "Total" (or "الإجمالي", "المجموع"): the amount the carrier says it paid. */
  statedTotal: number | null;
  reference: string | null;
  paidOn: string | null;
  problems: StatementProblem[];
};

const TOTAL_WORDS = new Set(["total", "grand total", "totals", "الإجمالي", "الاجمالي", "المجموع", "إجمالي", "اجمالي"]);
/** The most lines one statement may have. */
export const MAX_STATEMENT_LINES = 20_000;

/** A date as carriers write it: 2026-11-30, 30/11/2026 or 30-11-2026 → "2026-11-30", or null. */
export function readStatementDate(text: string): string | null {
  const t = westernDigits(text);
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [y, m, d] = [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 2000 || y > 2999) return null;
  return date.toISOString().slice(0, 10);
}

/** An amount cell by the carrier's columns: riyals with up to `digits` decimals, or whole halalas. */
export function readStatementAmount(text: string, amountIn: StatementColumns["amountIn"], digits: number) {
  return amountIn === "minor" ? readCount(text, 1_000_000_000) : readAmount(text, digits);
}

/** One sheet (headings in the first row) → the statement's lines, by the carrier's columns. */
export function readStatement(sheet: { header: string[]; rows: { row: number; cells: string[] }[] }, columns: StatementColumns, digits: number): ReadStatement {
  const result: ReadStatement = { lines: [], statedTotal: null, reference: null, paidOn: null, problems: [] };
  const index = (name: string) => (name ? sheet.header.findIndex((h) => foldText(h) === foldText(name)) : -1);
  const at = { tracking: index(columns.tracking), amount: index(columns.amount), reference: index(columns.reference), paidOn: index(columns.paidOn) };
  for (const field of ["tracking", "amount"] as const)
    if (at[field] < 0) result.problems.push({ row: 1, rule: "missingColumn", params: { column: columns[field] } });
  if (result.problems.length) return result;
  const cell = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? "").trim() : "");
  for (const { row, cells } of sheet.rows) {
    const tracking = westernDigits(cell(cells, at.tracking)).toUpperCase();
    const amountText = cell(cells, at.amount);
    if (!tracking && !amountText) continue;
    const amount = readStatementAmount(amountText, columns.amountIn, digits);
    if (TOTAL_WORDS.has(foldText(cell(cells, at.tracking)))) {
      if ("rule" in amount) result.problems.push({ row, rule: amount.rule as StatementProblem["rule"], params: amount.params });
      else result.statedTotal = amount.value;
      continue;
    }
    if (!tracking) result.problems.push({ row, rule: "missingTracking" });
    if ("rule" in amount) result.problems.push({ row, rule: amount.rule as StatementProblem["rule"], params: amount.params });
    else if (tracking) result.lines.push({ row, trackingNumber: tracking, amount: amount.value });
    const reference = cell(cells, at.reference);
    if (reference) {
      if (result.reference && result.reference !== reference) result.problems.push({ row, rule: "severalStatements" });
      result.reference ??= reference;
    }
    const paidOn = cell(cells, at.paidOn);
    if (paidOn && !result.paidOn) {
      const date = readStatementDate(paidOn);
      if (date) result.paidOn = date;
      else result.problems.push({ row, rule: "notDate", params: { value: paidOn.slice(0, 40) } });
    }
  }
  if (!result.lines.length && !result.problems.length) result.problems.push({ row: 1, rule: "noLines" });
  if (result.lines.length > MAX_STATEMENT_LINES) result.problems.push({ row: 1, rule: "tooManyRows", params: { max: MAX_STATEMENT_LINES } });
  return result;
}

/** The lines' fingerprint: a statement without a number is known again by its lines, in any order. */
export function linesFingerprint(lines: readonly { trackingNumber: string; amount: number }[], hash: (text: string) => string): string {
  const text = lines
    .map((l) => `${l.trackingNumber}:${l.amount}`)
    .sort()
    .join("\n");
  return `lines:${hash(text).slice(0, 32)}`;
}
