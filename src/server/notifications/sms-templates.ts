// Customer SMS texts: built-in templates per event in Arabic and English, which a store may replace.
import en from "../../../messages/en.json";
import ar from "../../../messages/ar.json";
import type { OrderStatus } from "@/server/orders/order-status";
import { formatMoney, moneyLocale } from "@/server/money/money";

export const SMS_EVENTS = [
  "order.status_changed",
  "order.canceled",
  "order.returned",
  "order.refunded",
  "order.partially_refunded",
  "order.label_issued",
  "order.label_voided",
  "order.confirm_cod",
  "order.confirm_reminder",
] as const;
export type SmsEvent = (typeof SMS_EVENTS)[number];
export const SMS_LOCALES = ["ar", "en"] as const;
export type SmsLocale = (typeof SMS_LOCALES)[number];
export const PLACEHOLDERS = ["customer_name", "order_number", "status", "note", "tracking_url", "order_url", "store_name", "amount"] as const;
export type TemplateVars = Partial<Record<(typeof PLACEHOLDERS)[number], string>>;
export type StoreTemplates = Partial<Record<SmsEvent, Partial<Record<SmsLocale, string>>>>;

export const DEFAULT_TEMPLATES: Record<SmsEvent, Record<SmsLocale, string>> = {
  "order.status_changed": {
    ar: "مرحبًا {customer_name}، حالة طلبك {order_number} من {store_name}: {status}. {note} {order_url}",
    en: "Hi {customer_name}, your {store_name} order {order_number} is now: {status}. {note} {order_url}",
  },
  "order.canceled": {
    ar: "مرحبًا {customer_name}، تم إلغاء طلبك {order_number} من {store_name}. {note}",
    en: "Hi {customer_name}, your {store_name} order {order_number} was canceled. {note}",
  },
  "order.returned": {
    ar: "مرحبًا {customer_name}، استلمنا مرتجع طلبك {order_number}. {note}",
    en: "Hi {customer_name}, we received the return of your order {order_number}. {note}",
  },
  "order.refunded": {
    ar: "مرحبًا {customer_name}، أعدنا مبلغ طلبك {order_number} ({amount}). {note}",
    en: "Hi {customer_name}, we refunded your order {order_number} ({amount}). {note}",
  },
  // Part of what was paid given back; the order itself goes on as it was.
  "order.partially_refunded": {
    ar: "مرحبًا {customer_name}، أعدنا {amount} من مبلغ طلبك {order_number}. {note}",
    en: "Hi {customer_name}, we refunded {amount} of your order {order_number}. {note}",
  },
  // As every other message, it links the customer's own order page, which links the carrier's tracking
  // page ({tracking_url} stays available to a store's own template).
  "order.label_issued": {
    ar: "طلبك {order_number} من {store_name} شُحن. تابِعه: {order_url}",
    en: "Your {store_name} order {order_number} has shipped. Follow it: {order_url}",
  },
  // A label the customer was told about was voided: the old tracking number is void, a new one follows.
  "order.label_voided": {
    ar: "مرحبًا {customer_name}، أُلغيت شحنة طلبك {order_number} من {store_name}، وسنرسل لك رقم تتبّع جديدًا. {order_url}",
    en: "Hi {customer_name}, the shipment of your {store_name} order {order_number} was cancelled; we will send you a new tracking number. {order_url}",
  },
  // Cash on delivery: the customer confirms before anything ships, on the order page or by replying.
  "order.confirm_cod": {
    ar: "مرحبًا {customer_name}، أكّد طلبك {order_number} من {store_name} بالدفع عند الاستلام ({amount}): ردّ بـ 1 للتأكيد أو 2 للإلغاء، أو من صفحة طلبك: {order_url}",
    en: "Hi {customer_name}, please confirm your {store_name} order {order_number}, cash on delivery ({amount}): reply 1 to confirm or 2 to cancel, or use your order page: {order_url}",
  },
  "order.confirm_reminder": {
    ar: "تذكير: طلبك {order_number} من {store_name} ينتظر تأكيدك ({amount}): ردّ بـ 1 للتأكيد أو 2 للإلغاء، أو من صفحة طلبك: {order_url}",
    en: "Reminder: your {store_name} order {order_number} is waiting for your confirmation ({amount}): reply 1 to confirm or 2 to cancel, or use your order page: {order_url}",
  },
};

/** The status in the customer's words, from the same catalogs as the interface. */
export function statusWords(status: OrderStatus, locale: SmsLocale): string {
  return (locale === "ar" ? ar : en).status[status];
}

/** Fills {placeholders}; an unknown one stays as typed so the merchant sees the mistake in the preview. */
export function renderTemplate<P extends string = (typeof PLACEHOLDERS)[number]>(
  template: string,
  vars: Partial<Record<P, string>>,
  placeholders: readonly P[] = PLACEHOLDERS as never,
): string {
  return template
    .replace(/\{([a-z_]+)\}/g, (match, name: string) => (placeholders.includes(name as P) ? (vars[name as P] ?? "") : match))
    .replace(/[ \t]+/g, " ")
    .replace(/\s+([.,،!?])/g, "$1")
    .trim();
}

export function templateFor(event: SmsEvent, locale: SmsLocale, store: StoreTemplates | null | undefined): string {
  return store?.[event]?.[locale]?.trim() || DEFAULT_TEMPLATES[event][locale];
}

/** The event a move to this status sends: the three the customer must hear about have their own. */
export function smsEventFor(to: OrderStatus): SmsEvent {
  return to === "canceled" || to === "returned" || to === "refunded" ? `order.${to}` : "order.status_changed";
}

type CustomerMessageInput = {
  store: { name: string; locale: string; smsTemplates: unknown };
  order: { number: number; customerName: string };
  event: SmsEvent;
  status: OrderStatus;
  note?: string;
  trackingUrl?: string;
  orderUrl?: string;
  /** A refund's amount, in minor units of the order's currency. */
  amount?: { minor: number; currency: string };
};

/** A message's facts as the placeholders name them, in the store's (or customer's) language. */
export function messageVars(input: CustomerMessageInput): { locale: SmsLocale; vars: Required<TemplateVars> } {
  const locale: SmsLocale = input.store.locale === "en" ? "en" : "ar";
  return {
    locale,
    vars: {
      customer_name: input.order.customerName,
      order_number: `#${input.order.number}`,
      store_name: input.store.name,
      status: statusWords(input.status, locale),
      note: input.note ?? "",
      tracking_url: input.trackingUrl ?? "",
      order_url: input.orderUrl ?? "",
      amount: input.amount ? formatMoney(input.amount.minor, input.amount.currency, moneyLocale(locale)) : "",
    },
  };
}

/** The SMS a customer gets about an order, in the store's language. */
export function composeCustomerSms(input: CustomerMessageInput): string {
  const { locale, vars } = messageVars(input);
  return renderTemplate(templateFor(input.event, locale, input.store.smsTemplates as StoreTemplates), vars);
}
