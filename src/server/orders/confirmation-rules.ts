// Asking a cash-on-delivery customer to confirm before anything ships (pure: no I/O). The answer is a
// flag beside the order's status, not a status of its own: the order can be packed while the store waits.

/** Who is asked: nobody (unless their risk band says so), or every cash-on-delivery order. */
export const CONFIRMATION_ASK = ["off", "all_cod"] as const;
/** What happens when the wait runs out: hold for a person, cancel, or remind once and then hold. */
export const UNANSWERED_RULES = ["hold", "cancel", "remind"] as const;
/** A label for an order still unconfirmed: bought with a warning, or refused. */
export const UNCONFIRMED_LABEL_RULES = ["warn", "refuse"] as const;

export type ConfirmationSettings = {
  ask: (typeof CONFIRMATION_ASK)[number];
  waitHours: number;
  whenUnanswered: (typeof UNANSWERED_RULES)[number];
  label: (typeof UNCONFIRMED_LABEL_RULES)[number];
};

export const DEFAULT_CONFIRMATION_SETTINGS: ConfirmationSettings = { ask: "off", waitHours: 24, whenUnanswered: "remind", label: "warn" };
export const MAX_WAIT_HOURS = 72;

export type ConfirmationState = "awaiting" | "confirmed" | "declined" | "unanswered";
/** How an answer came: the customer's order page, a reply to the message, or a person on the phone. */
export type AnswerVia = "link" | "reply" | "staff";

/** The confirmation is still missing: the customer has not answered (yet). */
export const isOpen = (state: ConfirmationState | null | undefined) => state === "awaiting" || state === "unanswered";

/** An order is asked when the store asks every cash-on-delivery order, or the customer's risk band says so. */
export function shouldAsk(settings: ConfirmationSettings, order: { cod: boolean; bandAsks: boolean }): "store" | "risk" | null {
  if (!order.cod) return null;
  if (settings.ask === "all_cod") return "store";
  return order.bandAsks ? "risk" : null;
}

/** What the wait running out does now: the reminder is sent once, then the order is held. */
export function onDeadline(settings: ConfirmationSettings, reminded: boolean): "remind" | "hold" | "cancel" {
  if (settings.whenUnanswered === "remind") return reminded ? "hold" : "remind";
  return settings.whenUnanswered;
}

// Replies are read loosely — case, spaces, punctuation, Arabic-Indic digits and the alef's forms do not
// matter — but only whole answers count: "no problem, thanks" is a message for a person, not a cancel.
const CONFIRM_WORDS = ["1", "yes", "confirm", "confirmed", "نعم", "تاكيد", "اكد", "موافق"];
const CANCEL_WORDS = ["2", "no", "cancel", "الغاء", "لا"];

export function normalizeReply(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u064b-\u065f\u0670\u0640]/g, "") // harakat, tatweel
    .replace(/[أإآ]/g, "ا")
    .replace(/ى/g, "ي")
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, " ")
    .trim();
}

/** What a customer's reply means for a confirmation request: confirm, cancel, or nothing (a message for a person). */
export function readReply(text: string): "confirm" | "cancel" | null {
  const reply = normalizeReply(text);
  if (CONFIRM_WORDS.includes(reply)) return "confirm";
  if (CANCEL_WORDS.includes(reply)) return "cancel";
  return null;
}

/** Whole hours and minutes left until `dueAt`, or null once it has passed. */
export function timeLeft(dueAt: Date, now: Date): { hours: number; minutes: number } | null {
  const ms = dueAt.getTime() - now.getTime();
  if (ms <= 0) return null;
  const minutes = Math.ceil(ms / 60_000);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
