import { useFormatter, useLocale, useTranslations } from "next-intl";
import { isCarrierId } from "@/server/shipping/carriers";
import { Ltr } from "@/components/bidi";
import type { OrderEventDto, SmsDto } from "@/server/orders/list-order-events";
import { ORDER_STATUSES, type OrderStatus } from "@/server/orders/order-status";
import { formatMoney } from "@/server/money/money";
import { moneyLocale } from "@/components/money";

const isStatus = (v: unknown): v is OrderStatus => ORDER_STATUSES.includes(v as OrderStatus);
const SMS_STATUSES = ["pending", "queued", "sent", "delivered", "undelivered", "failed", "not_configured"] as const;
type SmsStatusKey = (typeof SMS_STATUSES)[number];

const SMS_COLORS: Record<SmsStatusKey, string> = {
  pending: "bg-slate-100 text-slate-700",
  queued: "bg-sky-100 text-sky-800",
  sent: "bg-sky-100 text-sky-800",
  delivered: "bg-emerald-100 text-emerald-800",
  undelivered: "bg-red-100 text-red-800",
  failed: "bg-red-100 text-red-800",
  not_configured: "bg-amber-100 text-amber-900",
};

type Entry = { kind: "event"; at: string; event: OrderEventDto } | { kind: "sms"; at: string; sms: SmsDto };

/** The order's events and the SMS sent about it, newest first, as sentences. */
export function Timeline({ events, sms, currency }: { events: OrderEventDto[]; sms: SmsDto[]; currency: string }) {
  const t = useTranslations("events");
  const tOrder = useTranslations("order");
  const tStatus = useTranslations("status");
  const tCarrier = useTranslations("carrierName");
  // A carrier by its name in the reader's language; an id this version does not know, as it is.
  const carrierName = (id: string) => (isCarrierId(id) ? tCarrier(id) : id);
  const format = useFormatter();
  const locale = useLocale();
  const list = locale === "ar" ? "، " : ", ";
  const entries: Entry[] = [
    ...events.map((event) => ({ kind: "event" as const, at: event.createdAt, event })),
    ...sms.map((message) => ({ kind: "sms" as const, at: message.createdAt, sms: message })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.kind === "sms" ? -1 : 1));

  const sentence = (e: OrderEventDto) => {
    if (e.type === "order.placed") {
      const source = String(e.data.source ?? "api") as "storefront" | "api" | "manual";
      return t("placed", { source: tOrder(`sources.${source}`) });
    }
    if (e.type === "order.status_changed" && isStatus(e.data.from) && isStatus(e.data.to)) {
      return t("statusChanged", { from: tStatus(e.data.from), to: tStatus(e.data.to) });
    }
    if (e.type === "order.refunded") return t("partiallyRefunded");
    if (e.type === "label.issued") return t("labelIssued", { carrier: carrierName(String(e.data.carrier ?? "")), tracking: String(e.data.trackingNumber ?? "") });
    if (e.type === "label.voided") return t(e.data.reason === "order_moved_on" ? "labelVoidedOrderMovedOn" : "labelVoided", { tracking: String(e.data.trackingNumber ?? "") });
    if (e.type === "label.void_refused") return t("labelVoidRefused", { reason: String(e.data.reason ?? "") });
    if (e.type === "shipment.updated") return t("shipmentUpdated", { status: t(`carrierStatus.${String(e.data.status) as "picked_up"}`) });
    if (e.type === "label.failed") return t("labelFailed", { reason: String(e.data.reason ?? "") });
    if (e.type === "order.assigned") return e.data.assigneeName ? t("assigned", { name: String(e.data.assigneeName) }) : t("unassigned");
    if (e.type === "comment.added") return t("commentAdded");
    if (e.type === "comment.edited") return t("commentEdited");
    if (e.type === "comment.deleted") return t("commentDeleted");
    if (e.type === "customer.blocked") return t("customerBlocked", { reason: String(e.data.reason ?? "") });
    if (e.type === "customer.unblocked") return t("customerUnblocked");
    if (e.type === "review.requested") return e.data.discountCode ? t("reviewRequestedWithCode", { code: String(e.data.discountCode) }) : t("reviewRequested");
    if (e.type === "review.request_canceled" || e.type === "review.request_skipped") return t("reviewRequestNotSent", { reason: String(e.data.reason ?? "") });
    if (e.type === "review.submitted") return t("reviewSubmitted", { rating: Number(e.data.rating ?? 0) });
    if (e.type === "order.tags_changed") {
      const added = (e.data.added as string[] | undefined) ?? [];
      const removed = (e.data.removed as string[] | undefined) ?? [];
      return [added.length ? t("tagsAdded", { tags: added.join(list) }) : null, removed.length ? t("tagsRemoved", { tags: removed.join(list) }) : null].filter(Boolean).join(" · ");
    }
    return t("unknown", { type: e.type });
  };
  const details = (e: OrderEventDto) =>
    [
      typeof e.data.note === "string" && e.data.note ? t("note", { note: e.data.note }) : null,
      typeof e.data.courier === "string" ? t("courier", { courier: e.data.courier }) : null,
      typeof e.data.refundAmount === "number" ? t("refund", { amount: formatMoney(e.data.refundAmount, currency, moneyLocale(locale)) }) : null,
    ].filter(Boolean);
  const when = (at: string) => format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" });

  return (
    <ol className="relative space-y-4 border-s border-slate-200 ps-5">
      {entries.map((entry) =>
        entry.kind === "event" ? (
          <li key={entry.event.id} className="relative">
            <span aria-hidden className="absolute -start-[1.6rem] top-1.5 size-2.5 rounded-full bg-brand-600" />
            <p className="text-sm font-medium">{sentence(entry.event)}</p>
            {details(entry.event).map((d) => (
              <p key={d} className="text-sm text-slate-700">
                {d}
              </p>
            ))}
            <p className="text-xs text-slate-500">
              <time dateTime={entry.at}>{when(entry.at)}</time>
              {entry.event.actor.name && <> · {t("by", { name: entry.event.actor.name })}</>}
            </p>
          </li>
        ) : (
          <li key={entry.sms.id} className="relative">
            <span aria-hidden className="absolute -start-[1.6rem] top-1.5 size-2.5 rounded-full bg-sky-500" />
            <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
              {t("sms")}
              <span className={`rounded-full px-2 py-0.5 text-xs ${SMS_COLORS[entry.sms.status as SmsStatusKey] ?? SMS_COLORS.pending}`}>
                {t(`smsStatus.${(SMS_STATUSES.includes(entry.sms.status as SmsStatusKey) ? entry.sms.status : "pending") as SmsStatusKey}`)}
              </span>
            </p>
            <p dir="auto" className="mt-1 rounded-lg bg-slate-50 px-3 py-2 text-start text-sm whitespace-pre-line wrap-anywhere text-slate-800">
              {entry.sms.body}
            </p>
            {entry.sms.error && entry.sms.status !== "not_configured" && (
              // Still waiting: the last attempt failed and another follows. Otherwise: why it failed.
              <p className={`text-xs ${entry.sms.status === "pending" ? "text-amber-800" : "text-red-700"}`}>
                {entry.sms.status === "pending" ? t("smsRetrying", { error: entry.sms.error }) : entry.sms.error}
              </p>
            )}
            <p className="text-xs text-slate-500">
              <time dateTime={entry.at}>{when(entry.at)}</time> · <Ltr>{entry.sms.to}</Ltr>
            </p>
          </li>
        ),
      )}
    </ol>
  );
}
