/**
 * The one error type of the application. Every expected failure is an AppError with a code; the code
 * decides the HTTP status (error-catalog.ts). The words come from the message catalogs: an error carries
 * a message key and parameters (`say`), and each field problem is a rule with parameters (an `Issue`),
 * rendered in the reader's language by localize-error.ts. The English rendering is kept on the error
 * (`message`, `fields`) as the API's stable words. Anything else is a bug: logged, shown as a generic message.
 */
import type en from "../../../messages/en.json";
import { renderIssueEnglish } from "./words";

export type ErrorCode =
  | "VALIDATION_FAILED"
  | "MALFORMED_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "IDEMPOTENCY_KEY_REQUIRED"
  | "IDEMPOTENCY_KEY_REUSED"
  | "UNKNOWN_SKU"
  | "PRODUCT_UNAVAILABLE"
  | "RATE_LIMITED"
  | "CONFLICT"
  | "ORDER_INVALID_TRANSITION"
  | "ORDER_VERSION_CONFLICT"
  | "SHIPMENT_REQUIRED"
  | "REFUND_EXCEEDS_PAID"
  | "REFUND_AMOUNT_INVALID"
  | "CUSTOMER_BLOCKED"
  | "COD_NOT_ALLOWED"
  | "CONFIRMATION_PENDING"
  | "ORDER_HELD"
  | "ALREADY_INVOICED"
  | "NOT_INVOICED"
  | "ORDER_NOT_INVOICEABLE"
  | "ADDRESS_INCOMPLETE"
  | "PACK_INCOMPLETE"
  | "INSUFFICIENT_BALANCE"
  | "HANDOVER_NOT_SUPPORTED"
  | "CARRIER_ERROR"
  | "LABEL_IN_PROGRESS"
  | "RATE_UNAVAILABLE"
  | "PAYMENT_PROVIDER_ERROR"
  | "PICKUP_SLOT_UNAVAILABLE"
  | "VOID_NOT_ALLOWED"
  | "DISCOUNT_UNKNOWN"
  | "DISCOUNT_EXPIRED"
  | "DISCOUNT_USED"
  | "DISCOUNT_BELOW_MINIMUM"
  | "PAYLOAD_TOO_LARGE"
  | "INTERNAL";

/** Every error code, for the catalogs' coverage test and the OpenAPI document. */
export const ERROR_CODES = [
  "VALIDATION_FAILED",
  "MALFORMED_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "IDEMPOTENCY_KEY_REQUIRED",
  "IDEMPOTENCY_KEY_REUSED",
  "UNKNOWN_SKU",
  "PRODUCT_UNAVAILABLE",
  "RATE_LIMITED",
  "CONFLICT",
  "ORDER_INVALID_TRANSITION",
  "ORDER_VERSION_CONFLICT",
  "SHIPMENT_REQUIRED",
  "REFUND_EXCEEDS_PAID",
  "REFUND_AMOUNT_INVALID",
  "CUSTOMER_BLOCKED",
  "COD_NOT_ALLOWED",
  "CONFIRMATION_PENDING",
  "ORDER_HELD",
  "ALREADY_INVOICED",
  "NOT_INVOICED",
  "ORDER_NOT_INVOICEABLE",
  "ADDRESS_INCOMPLETE",
  "PACK_INCOMPLETE",
  "INSUFFICIENT_BALANCE",
  "HANDOVER_NOT_SUPPORTED",
  "CARRIER_ERROR",
  "LABEL_IN_PROGRESS",
  "RATE_UNAVAILABLE",
  "PAYMENT_PROVIDER_ERROR",
  "PICKUP_SLOT_UNAVAILABLE",
  "VOID_NOT_ALLOWED",
  "DISCOUNT_UNKNOWN",
  "DISCOUNT_EXPIRED",
  "DISCOUNT_USED",
  "DISCOUNT_BELOW_MINIMUM",
  "PAYLOAD_TOO_LARGE",
  "INTERNAL",
] as const satisfies readonly ErrorCode[];

/** A value in a message: text and numbers as they are; money, statuses and carriers by their words in the reader's language. */
type Word = string | number | { money: number; currency: string } | { status: string } | { carrier: string };
/** A list of words is joined in the reader's language. */
export type Param = Word | Word[];
export type Params = Record<string, Param>;

/** A rule of `validation` in the catalogs (a typo fails the typecheck). */
export type IssueRule = keyof (typeof en)["validation"];
/** What is wrong with one field: a rule of the catalogs and its parameters. */
export type Issue = { rule: IssueRule; params?: Params };
/** A message of `errors.detail` in the catalogs, with its parameters. */
export type Say = { key: keyof (typeof en)["errors"]["detail"]; params?: Params };

export const issue = (rule: IssueRule, params?: Params): Issue => (params ? { rule, params } : { rule });

/** Field path → English message, e.g. { "items.0.quantity": "must be at least 1" }: the API's words. */
export type FieldErrors = Record<string, string>;
export type FieldIssues = Record<string, Issue>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly issues?: FieldIssues;
  readonly say?: Say;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, options: { fields?: FieldIssues; details?: Record<string, unknown>; say?: Say } = {}) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
    if (options.fields) {
      this.issues = options.fields;
      this.fields = Object.fromEntries(Object.entries(options.fields).map(([field, i]) => [field, renderIssueEnglish(i)]));
    }
    this.say = options.say;
    this.details = options.details;
  }
}

export const notFound = (what = "Resource") => new AppError("NOT_FOUND", `${what} not found`);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
