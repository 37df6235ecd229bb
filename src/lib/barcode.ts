// Product codes (pure, also in the browser): what a scanner or a person typed, as the one key a store
// keeps and the packing station matches. GTINs (EAN-8, UPC-A, EAN-13, GTIN-14) are all-digit codes whose
// last digit checks the rest; they are kept as 14 digits, so a UPC-A read as an EAN-13 with a leading zero
// is the same code. Anything else is the store's own code: letters, digits and . _ - / up to 48 characters.

export const MAX_CODE_LENGTH = 48;
export const MAX_CODES_PER_VARIANT = 10;
export const MAX_BIN_LENGTH = 32;

export type CodeProblem = "codeCheckDigit" | "codeFormat";
export type ReadCode = { key: string } | { problem: CodeProblem };

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** Arabic-Indic and Persian digits as Western ones, spaces and invisible marks out, letters in capitals. */
export function normalizeScan(raw: string): string {
  return raw
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s\u0000-\u001f\u007f\u00a0\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .toUpperCase();
}

/** The GS1 check digit of the digits before it (weights 3 and 1 from the right). */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** A code as the store keeps it, or the rule it breaks. */
export function readCode(raw: string): ReadCode {
  const code = normalizeScan(raw);
  if (/^\d+$/.test(code) && GTIN_LENGTHS.has(code.length)) {
    if (gtinCheckDigit(code.slice(0, -1)) !== Number(code.at(-1))) return { problem: "codeCheckDigit" };
    return { key: code.padStart(14, "0") };
  }
  if (code.length === 0 || code.length > MAX_CODE_LENGTH || !/^[A-Z0-9][A-Z0-9._/-]*$/.test(code)) return { problem: "codeFormat" };
  return { key: code };
}

/** How a kept code is shown: a GTIN-14 that starts with 0 is the EAN-13 (or UPC-A) printed on the pack. */
export function displayCode(key: string): string {
  return /^0\d{13}$/.test(key) ? key.slice(1) : key;
}

/**
 * What a scan is matched on at the packing station: a GTIN as its 14 digits (its check digit not judged —
 * a wrong one simply matches nothing), anything else as typed, in capitals. A variant's SKU is matched the
 * same way, so a store that labels its shelves with SKUs scans them too.
 */
export function scanKey(raw: string): string {
  const code = normalizeScan(raw);
  return /^\d+$/.test(code) && GTIN_LENGTHS.has(code.length) ? code.padStart(14, "0") : code;
}

/** A list of codes as a person types them: separated by commas, semicolons, spaces or new lines. */
export function splitCodes(text: string): string[] {
  return text
    .split(/[,;،\s|]+/)
    .map((c) => c.trim())
    .filter(Boolean);
}
