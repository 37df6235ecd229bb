import type { OrderStatus as DbOrderStatus, PaymentMethod as DbPaymentMethod, PaymentStatus as DbPaymentStatus } from "@/generated/prisma/enums";

// The API and the UI speak in snake_case values; the database in its enum names. These tables are the
// only translation between the two.
export const ORDER_STATUSES = ["received", "in_progress", "shipped", "out_for_delivery", "delivered", "canceled", "returned", "refunded"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_METHODS = ["cash_on_delivery", "card", "apple_pay", "mada", "stc_pay", "bank_transfer", "tabby", "tamara"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_STATUSES = ["pending", "paid", "partially_refunded", "refunded", "failed"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

const toDb = <T extends string>(value: T) => value.toUpperCase() as Uppercase<T>;
const fromDb = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;

export const orderStatusToDb = (s: OrderStatus) => toDb(s) as DbOrderStatus;
export const orderStatusFromDb = (s: DbOrderStatus) => fromDb(s) as OrderStatus;
export const paymentMethodToDb = (m: PaymentMethod) => toDb(m) as DbPaymentMethod;
export const paymentMethodFromDb = (m: DbPaymentMethod) => fromDb(m) as PaymentMethod;
export const paymentStatusToDb = (s: PaymentStatus) => toDb(s) as DbPaymentStatus;
export const paymentStatusFromDb = (s: DbPaymentStatus) => fromDb(s) as PaymentStatus;

/** What the merchant still has to collect: cash on delivery that has not been paid yet. */
export function amountToCollect(method: PaymentMethod, status: PaymentStatus, total: number): number {
  return method === "cash_on_delivery" && status === "pending" ? total : 0;
}
