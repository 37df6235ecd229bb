/**
 * The one error type of the application. Every expected failure is an AppError with a code; the code
 * decides the HTTP status and the words the user sees (see error-catalog.ts). Anything else is a bug:
 * logged with a request id, shown as a generic message.
 */
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

/** Field path → message, e.g. { "items.0.quantity": "must be at least 1" }. */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, options: { fields?: FieldErrors; details?: Record<string, unknown> } = {}) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }
}

export const notFound = (what = "Resource") => new AppError("NOT_FOUND", `${what} not found`);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
