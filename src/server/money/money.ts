// Money is an integer count of the currency's minor unit (halalas for SAR, fils for KWD), never a float.

export type Money = { amount: number; currency: string };

function assertMinorUnits(value: number, what: string) {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of minor units, got ${value}`);
}

/** unitPrice × quantity, refusing anything that is not an exact integer. */
export function lineTotal(unitPrice: number, quantity: number): number {
  assertMinorUnits(unitPrice, "unit price");
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`quantity must be a whole number ≥ 0, got ${quantity}`);
  const total = unitPrice * quantity;
  assertMinorUnits(total, "line total");
  return total;
}

export function sumMinor(values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    assertMinorUnits(value, "amount");
    total += value;
  }
  assertMinorUnits(total, "sum");
  return total;
}

// Building an Intl formatter costs ~100× using one (a list page shows a hundred amounts): each is made
// once per currency and locale, and kept.
const digitsByCurrency = new Map<string, number>();
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Digits after the decimal point for a currency (SAR 2, KWD 3, JPY 0), as ISO 4217 and Intl know it. */
export function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * The one digit policy: Western digits (0–9) in both languages, for money, dates, counts and numbers
 * alike — as Gulf storefronts, carriers' labels, tracking numbers and phone numbers write them — and the
 * Gregorian calendar, which commerce and carriers in Saudi Arabia use (some engines' "ar-SA" defaults to
 * Umm al-Qura). Every Intl formatter of the product takes its locale from here.
 */
export const intlLocale = (locale: string) => (locale === "ar" ? "ar-SA-u-ca-gregory-nu-latn" : "en-SA-u-ca-gregory");
/** Saudi conventions for each interface language, with the one digit policy. */
export const moneyLocale = intlLocale;

/** Formats minor units for a locale with Intl: 12345 SAR → "SAR 123.45" in English, "‏١٢٣٫٤٥ ر.س.‏" in Arabic. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, format);
  }
  return format.format(amount / 10 ** digits);
}

/** An amount typed by a person ("12.50", Arabic-Indic digits too) → minor units; anything else → NaN, which the server names as the field's error. */
export function parseMinorUnits(text: string, digits: number): number {
  const normalized = text
    .trim()
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace("٫", ".");
  const match = /^(\d+)(?:\.(\d+))?$/.exec(normalized);
  if (!match) return NaN;
  // Digit by digit, not through floating point: "12.345" is 1235 halalas (half up), never 1234.
  const fraction = (match[2] ?? "").padEnd(digits + 1, "0");
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.slice(0, digits) || 0);
  return Number(fraction[digits]) >= 5 ? minor + 1 : minor;
}
