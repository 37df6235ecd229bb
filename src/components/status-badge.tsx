import { useTranslations } from "next-intl";
import type { OrderStatus } from "@/server/orders/order-status";

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

export function StatusBadge({ status }: { status: OrderStatus }) {
  const t = useTranslations("status");
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ${COLORS[status]}`}>{t(status)}</span>;
}
