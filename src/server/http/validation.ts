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

/** Parses input with a schema, throwing a VALIDATION_FAILED AppError that names each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
