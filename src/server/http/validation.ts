import { z } from "zod";
import { AppError, type FieldErrors } from "@/server/errors/app-error";

type Issue = z.core.$ZodIssue;

function describe(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      // zod does not keep the input on the issue; its message says what it received.
      return /received undefined$/.test(issue.message) ? "is required" : `must be ${article(issue.expected)}`;
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "string") return n <= 1 ? "must not be empty" : `must be at least ${n} characters`;
      if (issue.origin === "array") return n <= 1 ? "must have at least one entry" : `must have at least ${n} entries`;
      return issue.inclusive === false ? `must be greater than ${n}` : `must be at least ${n}`;
    }
    case "too_big": {
      const n = Number(issue.maximum);
      if (issue.origin === "string") return `must be at most ${n} characters`;
      if (issue.origin === "array") return `must have at most ${n} entries`;
      return issue.inclusive === false ? `must be less than ${n}` : `must be at most ${n}`;
    }
    case "invalid_format":
      return issue.format === "regex" ? issue.message : `must be a valid ${issue.format}`;
    case "invalid_value":
      return `must be one of: ${issue.values.map(String).join(", ")}`;
    case "unrecognized_keys":
      return "is not a known field";
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    default:
      return issue.message || "is not valid";
  }
}

function article(type: string): string {
  if (type === "int") return "a whole number";
  if (type === "object" || type === "array") return `an ${type}`;
  return `a ${type}`;
}

/** zod issues → { "items.0.quantity": "must be at least 1" }, the first problem per field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[base ? `${base}.${key}` : key] ??= "is not a known field";
      continue;
    }
    fields[base || "body"] ??= describe(issue);
  }
  return fields;
}

export function validationError(error: z.ZodError): AppError {
  const fields = fieldErrorsOf(error);
  const summary = Object.entries(fields)
    .slice(0, 3)
    .map(([field, message]) => `${field} ${message}`)
    .join("; ");
  return new AppError("VALIDATION_FAILED", `Invalid input: ${summary}`, { fields });
}

const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;
// A whole ISO date or date-time: what the API's date fields look like.
const ISO_DATE = /^(\d{4,})-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * What Postgres could not store, whatever a schema let through: text with NUL characters, whole numbers
 * beyond its integer columns, dates outside any year an order lives in. Checked on every parsed input
 * (API bodies and queries, server actions), so such input is a 422 naming the field, never a 500.
 */
export function storableProblems(value: unknown, path: string[] = [], out: FieldErrors = {}): FieldErrors {
  const field = path.join(".") || "body";
  if (typeof value === "string") {
    if (value.includes("\u0000")) out[field] ??= "must not contain NUL characters";
    const date = ISO_DATE.exec(value);
    if (date && (Number(date[1]) < 1900 || Number(date[1]) > 2999 || Number.isNaN(Date.parse(value)))) out[field] ??= "must be a date between the years 1900 and 2999";
  } else if (typeof value === "number") {
    if (Number.isInteger(value) && (value < INT4_MIN || value > INT4_MAX)) out[field] ??= `must be at most ${INT4_MAX}`;
    if (!Number.isFinite(value)) out[field] ??= "must be a finite number";
  } else if (value instanceof Date) {
    const year = value.getUTCFullYear();
    if (Number.isNaN(year) || year < 1900 || year > 2999) out[field] ??= "must be a date between the years 1900 and 2999";
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => storableProblems(v, [...path, String(i)], out));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) out[[...path, k].join(".")] ??= "must not contain NUL characters";
      storableProblems(v, [...path, k], out);
    }
  }
  return out;
}

/** As zod's safeParse, with what Postgres cannot store refused too (for pages that fall back to defaults). */
export function safeParseInput<S extends z.ZodType>(schema: S, input: unknown): { success: true; data: z.output<S> } | { success: false; fields: FieldErrors } {
  const result = schema.safeParse(input);
  if (!result.success) return { success: false, fields: fieldErrorsOf(result.error) };
  const problems = storableProblems(result.data);
  return Object.keys(problems).length ? { success: false, fields: problems } : { success: true, data: result.data };
}

/** Parses input with a schema, throwing a VALIDATION_FAILED AppError that names each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  const problems = storableProblems(result.data);
  if (Object.keys(problems).length) {
    const summary = Object.entries(problems).slice(0, 3).map(([f, m]) => `${f} ${m}`).join("; ");
    throw new AppError("VALIDATION_FAILED", `Invalid input: ${summary}`, { fields: problems });
  }
  return result.data;
}
