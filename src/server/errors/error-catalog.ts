import { AppError, isAppError, type ErrorCode, type FieldErrors } from "./app-error";

/** HTTP status for each error code: the only place this mapping lives. */
export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 422,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
  UNKNOWN_SKU: 422,
  PRODUCT_UNAVAILABLE: 422,
  RATE_LIMITED: 429,
  CONFLICT: 409,
  ORDER_INVALID_TRANSITION: 409,
  ORDER_VERSION_CONFLICT: 409,
  SHIPMENT_REQUIRED: 422,
  REFUND_EXCEEDS_PAID: 422,
  REFUND_AMOUNT_INVALID: 422,
  CUSTOMER_BLOCKED: 422,
  COD_NOT_ALLOWED: 422,
  CONFIRMATION_PENDING: 409,
  ORDER_HELD: 409,
  ALREADY_INVOICED: 409,
  NOT_INVOICED: 409,
  ORDER_NOT_INVOICEABLE: 409,
  ADDRESS_INCOMPLETE: 422,
  PACK_INCOMPLETE: 422,
  INSUFFICIENT_BALANCE: 402,
  HANDOVER_NOT_SUPPORTED: 422,
  CARRIER_ERROR: 502,
  LABEL_IN_PROGRESS: 409,
  RATE_UNAVAILABLE: 422,
  PAYMENT_PROVIDER_ERROR: 502,
  PICKUP_SLOT_UNAVAILABLE: 422,
  VOID_NOT_ALLOWED: 409,
  DISCOUNT_UNKNOWN: 404,
  DISCOUNT_EXPIRED: 422,
  DISCOUNT_USED: 409,
  DISCOUNT_BELOW_MINIMUM: 422,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
};

export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldErrors; requestId?: string } & Record<string, unknown> };

/** Turns any thrown value into the public error shape; unknown errors are logged and hidden. */
export function toErrorResponse(error: unknown, requestId: string): { status: number; body: ErrorBody } {
  if (isAppError(error)) {
    return {
      status: httpStatusOf[error.code],
      body: { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}), ...error.details } },
    };
  }
  console.error(`[${requestId}] unexpected error`, error);
  const internal = new AppError("INTERNAL", "Something went wrong on our side. Please try again.");
  return { status: 500, body: { error: { code: internal.code, message: internal.message, requestId } } };
}
