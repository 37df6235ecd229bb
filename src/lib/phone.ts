import { z } from "zod";
import { rule } from "@/server/http/validation";

// Phone numbers are stored in E.164 (+966501234567). Merchants and storefronts type them many ways.

const COUNTRY_CALLING_CODES: Record<string, string> = { SA: "966", AE: "971", KW: "965", QA: "974", BH: "973", OM: "968" };

const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * Normalizes a typed phone number to E.164, or returns null when it cannot be one.
 * "0501234567" and "501234567" are read as local numbers of `defaultCountry`; "00966…" and "966…" as
 * international.
 */
export function normalizePhone(input: string, defaultCountry = "SA"): string | null {
  const compact = input.trim().replace(/[\s\-().]/g, "");
  // Arabic-Indic and Eastern Arabic-Indic digits are common on Arabic keyboards.
  const western = compact.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  if (!/^\+?\d+$/.test(western)) return null;
  const code = COUNTRY_CALLING_CODES[defaultCountry];
  let candidate: string;
  if (western.startsWith("+")) candidate = western;
  else if (western.startsWith("00")) candidate = `+${western.slice(2)}`;
  else if (code && western.startsWith(code) && western.length > code.length + 7) candidate = `+${western}`;
  else if (code && western.startsWith("0")) candidate = `+${code}${western.slice(1)}`;
  else if (code) candidate = `+${code}${western}`;
  else return null;
  return E164.test(candidate) ? candidate : null;
}

/** The ways a person may type this number, for search: "+966501234567 966501234567 0501234567". */
export function phoneSearchForms(e164: string, defaultCountry = "SA"): string[] {
  const digits = e164.replace(/^\+/, "");
  const code = COUNTRY_CALLING_CODES[defaultCountry];
  const forms = [e164, digits];
  if (code && digits.startsWith(code)) forms.push(`0${digits.slice(code.length)}`);
  return forms;
}

/** A phone number field: anything `normalizePhone` reads, stored as E.164. */
export const phoneInput = z
  .string()
  .max(32)
  .transform((value, ctx) => {
    const normalized = normalizePhone(value);
    if (!normalized) {
      ctx.addIssue({ code: "custom", message: rule("phone") });
      return z.NEVER;
    }
    return normalized;
  });
