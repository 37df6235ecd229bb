import { useFormatter, useLocale, useTranslations } from "next-intl";
import { isCarrierId } from "@/server/shipping/carriers";
import { Ltr } from "@/components/bidi";
import { DEFAULT_MESSAGE_PRICES, formatMicros } from "@/server/notifications/message-prices";
import type { OrderEventDto, SmsDto } from "@/server/orders/list-order-events";
import { parseOrderEvent, type OrderEventData, type OrderEventType } from "@/server/orders/order-events";
import { formatMoney } from "@/server/money/money";
import { moneyLocale } from "@/components/money";

const CARRIER_STATUSES = ["picked_up", "in_transit", "out_for_delivery", "delivered", "returned_to_sender"] as const;
const isCarrierStatus = (v: string): v is (typeof CARRIER_STATUSES)[number] => (CARRIER_STATUSES as readonly string[]).includes(v);
const SMS_STATUSES = ["pending", "queued", "sent", "delivered", "read", "undelivered", "failed", "not_configured"] as const;
type SmsStatusKey = (typeof SMS_STATUSES)[number];

const SMS_COLORS: Record<SmsStatusKey, string> = {
  pending: "bg-slate-100 text-slate-700",
  queued: "bg-sky-100 text-sky-800",
  sent: "bg-sky-100 text-sky-800",
  delivered: "bg-emerald-100 text-emerald-800",
  read: "bg-emerald-100 text-emerald-800",
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
  const tRisk = useTranslations("customerRisk");
  const factorName = (factor: string) => (tRisk.has(`factors.${factor}`) ? tRisk(`factors.${factor}` as "factors.codBurst") : factor);
  // A carrier by its name in the reader's language; an id this version does not know, as it is.
  const carrierName = (id: string) => (isCarrierId(id) ? tCarrier(id) : id);
  const format = useFormatter();
  const locale = useLocale();
  const list = locale === "ar" ? "، " : ", ";
  const entries: Entry[] = [
    ...events.map((event) => ({ kind: "event" as const, at: event.createdAt, event })),
    ...sms.map((message) => ({ kind: "sms" as const, at: message.createdAt, sms: message })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.kind === "sms" ? -1 : 1));

  // One sentence per event type, in the reader's language. A type added to the catalogue without a
  // sentence here fails the typecheck.
  const SENTENCES: { [T in OrderEventType]: (data: OrderEventData<T>) => string } = {
    "order.placed": (d) => t("placed", { source: tOrder(`sources.${d.source}`) }),
    "order.status_changed": (d) => t("statusChanged", { from: tStatus(d.from), to: tStatus(d.to) }),
    "order.refunded": () => t("partiallyRefunded"),
    "order.held": (d) => t("held", { band: d.band, score: d.score, reasons: d.reasons.map((r) => factorName(r.factor)).join(list) || "—" }),
    "order.released": () => t("released"),
    "order.assigned": (d) => (d.assigneeName ? t("assigned", { name: d.assigneeName }) : t("unassigned")),
    "order.tags_changed": (d) =>
      [d.added.length ? t("tagsAdded", { tags: d.added.join(list) }) : null, d.removed.length ? t("tagsRemoved", { tags: d.removed.join(list) }) : null]
        .filter(Boolean)
        .join(" · "),
    "comment.added": () => t("commentAdded"),
    "comment.edited": () => t("commentEdited"),
    "comment.deleted": () => t("commentDeleted"),
    "customer.blocked": (d) => t("customerBlocked", { reason: d.reason }),
    "customer.unblocked": () => t("customerUnblocked"),
    "label.issued": (d) => t("labelIssued", { carrier: carrierName(d.carrier ?? ""), tracking: d.trackingNumber ?? "" }),
    "label.failed": (d) => t("labelFailed", { reason: d.reason }),
    "label.voided": (d) => t(d.reason === "order_moved_on" ? "labelVoidedOrderMovedOn" : "labelVoided", { tracking: d.trackingNumber ?? "" }),
    "label.void_refused": (d) => t("labelVoidRefused", { reason: d.reason }),
    "shipment.updated": (d) => t("shipmentUpdated", { status: isCarrierStatus(d.status) ? t(`carrierStatus.${d.status}`) : d.status }),
    "cod.collected": (d) => t("codCollected", { amount: cash(d.amount, d.currency) }),
    "cod.remitted": (d) => t("codRemitted", { amount: cash(d.amount, d.currency), statement: d.statement, outcome: d.outcome }),
    "cod.reversed": (d) => t("codReversed", { amount: cash(d.amount, d.currency), statement: d.statement }),
    "cod.settled": (d) => t("codSettled", { amount: cash(d.amount, d.currency) }),
    "tax.document_issued": (d) =>
      d.invoiceNumber
        ? t("taxNoteIssued", { kind: d.kind, number: d.number, invoice: d.invoiceNumber, amount: cash(d.total, d.currency) })
        : t("taxInvoiceIssued", { number: d.number, amount: cash(d.total, d.currency) }),
    "tax.document_rejected": (d) => t("taxDocumentRejected", { number: d.number, errors: d.errors.join(list) || "—" }),
    "review.requested": (d) => (d.discountCode ? t("reviewRequestedWithCode", { code: d.discountCode }) : t("reviewRequested")),
    "review.request_canceled": (d) => t("reviewRequestNotSent", { reason: d.reason ?? "" }),
    "review.request_skipped": (d) => t("reviewRequestNotSent", { reason: d.reason ?? "" }),
    "review.submitted": (d) => t("reviewSubmitted", { rating: d.rating }),
    "order.packed": (d) => t("packed", { scanned: d.scannedUnits, total: d.totalUnits, refused: d.refusedScans }),
    "confirmation.requested": (d) => t("confirmationRequested", { reason: d.reason, due: when(d.dueAt) }),
    "confirmation.reminded": (d) => t("confirmationReminded", { due: when(d.dueAt) }),
    "confirmation.confirmed": (d) => t("confirmationConfirmed", { via: d.via }),
    "confirmation.declined": (d) => t("confirmationDeclined", { via: d.via }),
    "confirmation.unanswered": (d) => t("confirmationUnanswered", { rule: d.rule }),
    "message.sent": (d) => t("messageSent", { channel: d.channel }),
    "message.received": (d) => t("messageReceived", { channel: d.channel, intent: d.intent ?? "other" }),
  };
  const sentence = (e: OrderEventDto) => {
    const parsed = parseOrderEvent(e.type, e.data);
    if (parsed.type === "unknown") return t("unknown", { type: e.type });
    return (SENTENCES[parsed.type] as (data: unknown) => string)(parsed.data);
  };
  const details = (e: OrderEventDto) =>
    [
      e.data.reason === "customer_declined" || e.data.reason === "unanswered" ? t(`reason.${e.data.reason}`) : null,
      typeof e.data.note === "string" && e.data.note ? t("note", { note: e.data.note }) : null,
      typeof e.data.courier === "string" ? t("courier", { courier: e.data.courier }) : null,
      typeof e.data.refundAmount === "number" ? t("refund", { amount: formatMoney(e.data.refundAmount, currency, moneyLocale(locale)) }) : null,
    ].filter(Boolean);
  const cash = (amount: number, of?: string) => formatMoney(amount, of ?? currency, moneyLocale(locale));
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
            {entry.event.type === "message.received" && typeof entry.event.data.body === "string" && (
              // What the customer wrote, as they wrote it.
              <p dir="auto" className="mt-1 rounded-lg bg-amber-50 px-3 py-2 text-start text-sm whitespace-pre-line wrap-anywhere text-slate-800">
                {entry.event.data.body}
              </p>
            )}
            <p className="text-xs text-slate-500">
              <time dateTime={entry.at}>{when(entry.at)}</time>
              {entry.event.actor.name && <> · {t("by", { name: entry.event.actor.name })}</>}
            </p>
          </li>
        ) : (
          <li key={entry.sms.id} className="relative">
            <span aria-hidden className="absolute -start-[1.6rem] top-1.5 size-2.5 rounded-full bg-sky-500" />
            <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
              {entry.sms.channel === "whatsapp" ? t("whatsapp") : t("sms")}
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
              {entry.sms.price ? (
                <>
                  {" · "}
                  {t("messagePrice", { price: formatMicros(entry.sms.price.micros, entry.sms.price.unit) })}
                </>
              ) : (
                entry.sms.estimate !== null && (
                  <>
                    {" · "}
                    {t("messageEstimate", { price: formatMicros(entry.sms.estimate, DEFAULT_MESSAGE_PRICES.unit) })}
                  </>
                )
              )}
            </p>
          </li>
        ),
      )}
    </ol>
  );
}
