import type { Tx } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import type { Role } from "@/server/auth/permissions";
import { AppError } from "@/server/errors/app-error";

/**
 * Who may give money back: owners and admins; staff only when the store allows it, and only up to the
 * amount it set per refund (0: not at all). Pure.
 */
export function mayRefund(role: Role, amount: number, staffRefundLimit: number): boolean {
  if (role === "OWNER" || role === "ADMIN") return true;
  return staffRefundLimit > 0 && amount <= staffRefundLimit;
}

/** Refuses a refund this context may not give, inside the refund's own transaction. */
export async function assertMayRefund(tx: Tx, ctx: StoreContext, amount: number, currency: string): Promise<void> {
  if (ctx.role !== "STAFF") return;
  const store = await tx.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { staffRefundLimit: true } });
  if (mayRefund(ctx.role, amount, store.staffRefundLimit)) return;
  throw new AppError(
    "FORBIDDEN",
    store.staffRefundLimit > 0
      ? `Refunds of more than ${store.staffRefundLimit} (minor units of ${currency}) need an owner or an admin.`
      : "In this store, refunds are given by an owner or an admin.",
    {
      details: { reason: store.staffRefundLimit > 0 ? "refund_over_staff_limit" : "refunds_not_allowed_for_staff", limit: store.staffRefundLimit, currency },
      say:
        store.staffRefundLimit > 0
          ? { key: "refundOverStaffLimit", params: { amount: { money: store.staffRefundLimit, currency } } }
          : { key: "refundsOwnersOnly" },
    },
  );
}
