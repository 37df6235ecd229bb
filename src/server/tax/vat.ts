// VAT on an invoice's lines (pure). Amounts are integer minor units (halalas); the rate is in basis
// points (1500 = 15 %). VAT is rounded per line, half up, and the totals are the sums of the lines, so
// they add up exactly, to the halala.

export type VatMode = { rateBp: number; pricesIncludeVat: boolean };
export type LineInput = { name: string; sku: string | null; quantity: number; unitPrice: number };
export type VatLine = LineInput & {
  /** The line without VAT, its VAT and the two together. */
  net: number;
  vat: number;
  gross: number;
};
export type VatTotals = { net: number; vat: number; gross: number };

/** a × b ÷ c rounded half up, for non-negative integers (exact: products stay far below 2^53). */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  return Math.floor((2 * a * b + c) / (2 * c));
}

/** The VAT inside an amount that includes it. */
export function vatIncluded(gross: number, rateBp: number): number {
  return mulDivHalfUp(gross, rateBp, 10_000 + rateBp);
}

/** The VAT on an amount without it. */
export function vatAdded(net: number, rateBp: number): number {
  return mulDivHalfUp(net, rateBp, 10_000);
}

/** One line: quantity × unit price is the line's amount, with or without VAT as the store's prices are. */
export function vatLine(line: LineInput, mode: VatMode): VatLine {
  const amount = line.quantity * line.unitPrice;
  if (mode.pricesIncludeVat) {
    const vat = vatIncluded(amount, mode.rateBp);
    return { ...line, net: amount - vat, vat, gross: amount };
  }
  const vat = vatAdded(amount, mode.rateBp);
  return { ...line, net: amount, vat, gross: amount + vat };
}

export function vatLines(lines: readonly LineInput[], mode: VatMode): VatLine[] {
  return lines.map((line) => vatLine(line, mode));
}

export function vatTotals(lines: readonly Pick<VatLine, "net" | "vat" | "gross">[]): VatTotals {
  return lines.reduce((t, l) => ({ net: t.net + l.net, vat: t.vat + l.vat, gross: t.gross + l.gross }), { net: 0, vat: 0, gross: 0 });
}

/** A credit or debit note of an amount that includes VAT, as one line at the invoice's rate. */
export function amountLine(name: string, gross: number, rateBp: number): VatLine {
  const vat = vatIncluded(gross, rateBp);
  return { name, sku: null, quantity: 1, unitPrice: gross, net: gross - vat, vat, gross };
}

/** Minor units as a decimal string with two places ("1234" → "12.34"), as the tax XML and QR write amounts. */
export function decimal(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
