import { useTranslations } from "next-intl";
import type { OrderStatus, PaymentStatus } from "@/server/orders/order-status";

const COLORS: Record<OrderStatus, string> = {
  received: "bg-sky-100 text-sky-800",
  in_progress: "bg-amber-100 text-amber-900",
  shipped: "bg-indigo-100 text-indigo-800",
  out_for_delivery: "bg-violet-100 text-violet-800",
  delivered: "bg-emerald-100 text-emerald-800",
  canceled: "bg-slate-200 text-slate-700",
  returned: "bg-orange-100 text-orange-900",
  refunded: "bg-rose-100 text-rose-800",
};

/**
 * The order's status; a partial refund is said beside it (the order itself goes on where it was), and so is
 * a cash-on-delivery confirmation the customer has not given yet.
 */
export function StatusBadge({
  status,
  paymentStatus,
  confirmation,
  held = false,
}: {
  status: OrderStatus;
  paymentStatus?: PaymentStatus;
  confirmation?: { state: string } | null;
  /** Held for a person's review (the customer's risk). */
  held?: boolean;
}) {
  const tOrder = useTranslations("order");
  const t = useTranslations("status");
  const tPayment = useTranslations("paymentStatus");
  const tConfirmation = useTranslations("order.confirmation.badge");
  const unconfirmed =
    (confirmation?.state === "awaiting" || confirmation?.state === "unanswered") && (status === "received" || status === "in_progress")
      ? confirmation.state
      : null;
  const badge = "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap";
  return (
    <>
      <span className={`${badge} ${COLORS[status]}`}>{t(status)}</span>
      {paymentStatus === "partially_refunded" && status !== "refunded" && (
        <span className={`${badge} ms-1 bg-rose-50 text-rose-800 ring-1 ring-rose-200`}>{tPayment("partially_refunded")}</span>
      )}
      {held && status === "received" && (
        <span className={`${badge} ms-1 bg-red-50 text-red-800 ring-1 ring-red-300`} data-testid="badge-held">
          {tOrder("heldBadge")}
        </span>
      )}
      {unconfirmed && (
        <span className={`${badge} ms-1 bg-amber-50 text-amber-900 ring-1 ring-amber-300`} data-testid="badge-unconfirmed">
          {tConfirmation(unconfirmed)}
        </span>
      )}
    </>
  );
}
