import type { StoreContext } from "@/server/auth/context";
import type { Tx } from "@/server/db/client";
import type {
  ConfirmationState,
  OrderStatus as DbOrderStatus,
  PaymentMethod as DbPaymentMethod,
  PaymentStatus as DbPaymentStatus,
} from "@/generated/prisma/enums";
import { visibleOrdersSql } from "./order-queries";

export type LockedOrder = {
  id: string;
  status: DbOrderStatus;
  version: number;
  paymentMethod: DbPaymentMethod;
  paymentStatus: DbPaymentStatus;
  total: number;
  currency: string;
  shippingCity: string;
  /** Cash on delivery's confirmation by the customer (cod-confirmation.ts). */
  confirmation: ConfirmationState | null;
  confirmationDueAt: Date | null;
  confirmationRemindedAt: Date | null;
};

/**
 * Takes the order's row lock for the rest of the caller's transaction: decisions about the order's
 * labels (issue, settle, void) and its confirmation are made one at a time per order, in the database, never on a read
 * that another request could have overtaken. Null when the context cannot see the order.
 */
export async function lockOrder(tx: Tx, ctx: StoreContext, orderId: string): Promise<LockedOrder | null> {
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT o.id, o.status::text AS status, o.version, o."paymentMethod"::text AS "paymentMethod", o."paymentStatus"::text AS "paymentStatus", o.total, o.currency, o."shippingCity",
      o.confirmation, o."confirmationDueAt", o."confirmationRemindedAt"
    FROM orders o WHERE ${visibleOrdersSql(ctx)} AND o.id = ${orderId}::uuid
    FOR UPDATE`;
  return rows[0] ?? null;
}
