// WhatsApp beside SMS, through the same Twilio account (pure, given the settings). WhatsApp lets a business
// write first only with a template Meta approved (sent by its content SID, with numbered variables); free text
// is allowed only within 24 hours of the customer's last message. Tajer sends every message's facts as the same
// numbered variables, so a template uses those it needs.
import { z } from "zod";
import type { SmsEvent, SmsLocale } from "./sms-templates";

/** How customers get their messages: SMS, WhatsApp, or WhatsApp with SMS when it does not arrive. */
export const MESSAGING_CHANNELS = ["SMS", "WHATSAPP", "WHATSAPP_THEN_SMS"] as const;

/** A store's channel as stored (a text column the database checks against the same list). */
export function messagingChannelOf(stored: string): (typeof MESSAGING_CHANNELS)[number] {
  const channel = MESSAGING_CHANNELS.find((c) => c === stored);
  if (!channel) throw new Error(`unknown messaging channel ${JSON.stringify(stored)}`);
  return channel;
}

/** Twilio's address for a WhatsApp number. */
export const whatsappAddress = (phone: string) => `whatsapp:${phone}`;

/** How long after the customer last wrote a business may answer in free text. */
export const SESSION_WINDOW_MS = 24 * 3_600_000;

export const insideSessionWindow = (lastInbound: Date | null, now: Date) => !!lastInbound && now.getTime() - lastInbound.getTime() < SESSION_WINDOW_MS;

const contentMap = z.record(z.string(), z.partialRecord(z.enum(["ar", "en"]), z.string().regex(/^HX[0-9a-f]{32}$/)));

/** The approved template for a message in a language, or null (then only free text inside the window). */
export function contentSidFor(event: SmsEvent, locale: SmsLocale, configured: string | undefined): string | null {
  if (!configured) return null;
  const parsed = contentMap.safeParse(JSON.parse(configured));
  return parsed.success ? (parsed.data[event]?.[locale] ?? null) : null;
}

/** The variables every template may use, numbered as WhatsApp templates number them. */
export function templateVariables(vars: { customerName: string; orderNumber: string; storeName: string; status: string; amount: string; orderUrl: string }) {
  return { "1": vars.customerName, "2": vars.orderNumber, "3": vars.storeName, "4": vars.status, "5": vars.amount, "6": vars.orderUrl };
}

/** Twilio's errors that mean WhatsApp will not reach this person: not on WhatsApp, outside the window, blocked or unreachable. */
export const WHATSAPP_UNREACHABLE = new Set(["63003", "63016", "63024", "63032", "63049"]);

/**
 * How a person's own words reach the customer: WhatsApp while its window is open (free text needs it), else
 * SMS where the store has SMS; null when the store is on WhatsApp alone and the window is closed.
 */
export function replyChannel(store: (typeof MESSAGING_CHANNELS)[number], lastInbound: Date | null, now: Date): "sms" | "whatsapp" | null {
  if (store === "SMS") return "sms";
  if (insideSessionWindow(lastInbound, now)) return "whatsapp";
  return store === "WHATSAPP_THEN_SMS" ? "sms" : null;
}
