import { z } from "zod";
import { AppError, issue, type FieldErrors, type FieldIssues, type Issue, type IssueRule, type Params } from "@/server/errors/app-error";
import { renderIssueEnglish } from "@/server/errors/words";

type ZodIssue = z.core.$ZodIssue;

const RULE_MARK = "§";
/**
 * A schema's own message as a rule of the catalogs: `.regex(re, rule("countryCode"))`. zod keeps messages
 * as strings, so the rule (and its parameters) travel inside one, and come back out as an Issue here.
 */
export const rule = (name: IssueRule, params?: Params): string => `${RULE_MARK}${name}${params ? JSON.stringify(params) : ""}`;

function fromMessage(message: string | undefined): Issue {
  if (!message?.startsWith(RULE_MARK)) return issue("invalid");
  const body = message.slice(RULE_MARK.length);
  const brace = body.indexOf("{");
  return brace < 0 ? issue(body as IssueRule) : issue(body.slice(0, brace) as IssueRule, JSON.parse(body.slice(brace)) as Params);
}

function describe(i: ZodIssue): Issue {
  if (i.message?.startsWith(RULE_MARK)) return fromMessage(i.message);
  switch (i.code) {
    case "invalid_type":
      // zod does not keep the input on the issue; its message says what it received.
      return /received undefined$/.test(i.message) ? issue("required") : issue("type", { type: String(i.expected) });
    case "too_small": {
      const n = Number(i.minimum);
      if (i.origin === "string") return n <= 1 ? issue("notEmpty") : issue("minLength", { n });
      if (i.origin === "array") return n <= 1 ? issue("oneEntry") : issue("minEntries", { n });
      return i.inclusive === false ? issue("greaterThan", { n }) : issue("atLeast", { n });
    }
    case "too_big": {
      const n = Number(i.maximum);
      if (i.origin === "string") return issue("maxLength", { n });
      if (i.origin === "array") return issue("maxEntries", { n });
      return i.inclusive === false ? issue("lessThan", { n }) : issue("atMost", { n });
    }
    case "invalid_format":
      return i.format === "regex" ? fromMessage(i.message) : issue("format", { format: i.format });
    case "invalid_value":
      return issue("oneOf", { values: i.values.map(String).join(", ") });
    case "unrecognized_keys":
      return issue("unknownField");
    case "not_multiple_of":
      return issue("multipleOf", { n: Number(i.divisor) });
    default:
      return fromMessage(i.message);
  }
}

/** zod issues → { "items.0.quantity": rule "atLeast" 1 }, the first problem per field. */
export function fieldIssuesOf(error: z.ZodError): FieldIssues {
  const fields: FieldIssues = {};
  for (const i of error.issues) {
    const base = i.path.map(String).join(".");
    if (i.code === "unrecognized_keys") {
      for (const key of i.keys) fields[base ? `${base}.${key}` : key] ??= issue("unknownField");
      continue;
    }
    fields[base || "body"] ??= describe(i);
  }
  return fields;
}

/** zod issues → { "items.0.quantity": "must be at least 1" }: the English words, as the API gives them. */
export const fieldErrorsOf = (error: z.ZodError): FieldErrors => englishFields(fieldIssuesOf(error));
const englishFields = (fields: FieldIssues): FieldErrors => Object.fromEntries(Object.entries(fields).map(([f, i]) => [f, renderIssueEnglish(i)]));

function invalidInput(fields: FieldIssues): AppError {
  const summary = Object.entries(englishFields(fields))
    .slice(0, 3)
    .map(([field, message]) => `${field} ${message}`)
    .join("; ");
  return new AppError("VALIDATION_FAILED", `Invalid input: ${summary}`, { fields });
}

export const validationError = (error: z.ZodError): AppError => invalidInput(fieldIssuesOf(error));

const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;
// A whole ISO date or date-time: what the API's date fields look like.
const ISO_DATE = /^(\d{4,})-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * What Postgres could not store, whatever a schema let through: text with NUL characters, whole numbers
 * beyond its integer columns, dates outside any year an order lives in. Checked on every parsed input
 * (API bodies and queries, server actions), so such input is a 422 naming the field, never a 500.
 */
export function storableProblems(value: unknown, path: string[] = [], out: FieldIssues = {}): FieldIssues {
  const field = path.join(".") || "body";
  if (typeof value === "string") {
    if (value.includes("\u0000")) out[field] ??= issue("noNul");
    const date = ISO_DATE.exec(value);
    if (date && (Number(date[1]) < 1900 || Number(date[1]) > 2999 || Number.isNaN(Date.parse(value)))) out[field] ??= issue("yearRange");
  } else if (typeof value === "number") {
    if (Number.isInteger(value) && (value < INT4_MIN || value > INT4_MAX)) out[field] ??= issue("atMost", { n: INT4_MAX });
    if (!Number.isFinite(value)) out[field] ??= issue("finite");
  } else if (value instanceof Date) {
    const year = value.getUTCFullYear();
    if (Number.isNaN(year) || year < 1900 || year > 2999) out[field] ??= issue("yearRange");
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => storableProblems(v, [...path, String(i)], out));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) out[[...path, k].join(".")] ??= issue("noNul");
      storableProblems(v, [...path, k], out);
    }
  }
  return out;
}

// Explicit direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Typed into a
// name or a note they reorder whatever is shown after them ("‮gpj.exe" shows as "exe.jpg"): the screens
// isolate what people typed themselves, so these characters are never needed and are taken out.
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Every string of an input with the direction controls taken out, before any schema sees it. */
export function withoutDirectionControls(value: unknown): unknown {
  if (typeof value === "string") return value.replace(DIRECTION_CONTROLS, "");
  if (Array.isArray(value)) return value.map(withoutDirectionControls);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(DIRECTION_CONTROLS, ""), withoutDirectionControls(v)]));
  }
  return value;
}

/** As zod's safeParse, with what Postgres cannot store refused too (for pages that fall back to defaults). */
export function safeParseInput<S extends z.ZodType>(schema: S, raw: unknown): { success: true; data: z.output<S> } | { success: false; fields: FieldErrors } {
  const input = withoutDirectionControls(raw);
  const result = schema.safeParse(input);
  if (!result.success) return { success: false, fields: fieldErrorsOf(result.error) };
  const problems = storableProblems(result.data);
  return Object.keys(problems).length ? { success: false, fields: englishFields(problems) } : { success: true, data: result.data };
}

/** Parses input with a schema, throwing a VALIDATION_FAILED AppError that names each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(withoutDirectionControls(input));
  if (!result.success) throw validationError(result.error);
  const problems = storableProblems(result.data);
  if (Object.keys(problems).length) throw invalidInput(problems);
  return result.data;
}
