// What a message is expected to cost before it is sent (pure): the store's price table — an SMS part, a WhatsApp
// template message (the business starts the conversation) and a WhatsApp reply inside the customer's window — in
// millionths of the provider's unit. After sending, the provider's own price is recorded beside the estimate.
import { countSmsSegments } from "./sms-segments";

export type MessagePrices = { unit: string; smsPart: number; whatsappTemplate: number; whatsappSession: number };

/** Twilio's list prices for Saudi Arabia when this was written, in millionths of a US dollar. */
export const DEFAULT_MESSAGE_PRICES: MessagePrices = { unit: "USD", smsPart: 79_100, whatsappTemplate: 15_700, whatsappSession: 5_000 };

export const PRICE_KEYS = ["smsPart", "whatsappTemplate", "whatsappSession"] as const;

/** The estimate for one message: SMS parts × the part's price, or WhatsApp's price for a template or a reply. */
export function estimateMicros(message: { channel: "SMS" | "WHATSAPP"; body: string; contentSid?: string | null }, prices: MessagePrices): number {
  if (message.channel === "WHATSAPP") return message.contentSid ? prices.whatsappTemplate : prices.whatsappSession;
  return countSmsSegments(message.body).parts * prices.smsPart;
}

/** A price in the unit's words, to four places: "0.0791 USD". */
export const formatMicros = (micros: number, unit: string) => `${(micros / 1_000_000).toFixed(4)} ${unit}`;

/** "0.0791" → 79100; null for anything that is not an amount (at most six places: millionths). */
export function readPrice(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}(\.\d{1,6})?$/.test(t)) return null;
  return Math.round(Number(t) * 1_000_000);
}

/** The store's table, defaults filled in; a document that no longer fits falls back to the defaults. */
export function readMessagePrices(stored: unknown): MessagePrices {
  const s = (stored ?? {}) as Partial<Record<string, unknown>>;
  const ok = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 10_000_000;
  return {
    unit: DEFAULT_MESSAGE_PRICES.unit,
    smsPart: ok(s.smsPart) ? (s.smsPart as number) : DEFAULT_MESSAGE_PRICES.smsPart,
    whatsappTemplate: ok(s.whatsappTemplate) ? (s.whatsappTemplate as number) : DEFAULT_MESSAGE_PRICES.whatsappTemplate,
    whatsappSession: ok(s.whatsappSession) ? (s.whatsappSession as number) : DEFAULT_MESSAGE_PRICES.whatsappSession,
  };
}
