import { useFormatter, useTranslations } from "next-intl";
import type { OrderEventDto } from "@/server/orders/list-order-events";
import { ORDER_STATUSES, type OrderStatus } from "@/server/orders/order-status";

const isStatus = (v: unknown): v is OrderStatus => ORDER_STATUSES.includes(v as OrderStatus);

/** The order's events, newest first, as sentences. */
export function Timeline({ events }: { events: OrderEventDto[] }) {
  const t = useTranslations("events");
  const tOrder = useTranslations("order");
  const tStatus = useTranslations("status");
  const format = useFormatter();
  const sentence = (e: OrderEventDto) => {
    if (e.type === "order.placed") {
      const source = String(e.data.source ?? "api") as "storefront" | "api" | "manual";
      return t("placed", { source: tOrder(`sources.${source}`) });
    }
    if (e.type === "order.status_changed" && isStatus(e.data.from) && isStatus(e.data.to)) {
      return t("statusChanged", { from: tStatus(e.data.from), to: tStatus(e.data.to) });
    }
    return t("unknown", { type: e.type });
  };
  return (
    <ol className="relative space-y-4 border-s border-slate-200 ps-5">
      {events.map((e) => (
        <li key={e.id} className="relative">
          <span aria-hidden className="absolute -start-[1.6rem] top-1.5 size-2.5 rounded-full bg-brand-600" />
          <p className="text-sm font-medium">{sentence(e)}</p>
          <p className="text-xs text-slate-500">
            <time dateTime={e.createdAt}>{format.dateTime(new Date(e.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time>
            {e.actor.name && <> · {t("by", { name: e.actor.name })}</>}
          </p>
        </li>
      ))}
    </ol>
  );
}
