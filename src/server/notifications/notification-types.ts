/**
 * The in-app notifications' types, each with the shape of its data: the one catalogue. Written through
 * `notification` (a typo in a type or a field fails the typecheck), read back through `parseNotification`
 * (a row that does not fit comes back as "unknown", never as a crash), and worded by a table in the bell
 * that must name every type.
 */
import { z } from "zod";
import { LATE_REASONS } from "@/server/orders/late-reasons";

const aboutOrder = { number: z.number() };

export const NOTIFICATIONS = {
  /** A new order, for everyone who sees it. */
  "order.created": z.looseObject({ ...aboutOrder, total: z.number(), currency: z.string(), customerName: z.string() }),
  /** Someone gave you an order. */
  "order.assigned": z.looseObject({ ...aboutOrder, by: z.string() }),
  /** Someone named you in a comment. */
  "comment.mention": z.looseObject({ ...aboutOrder, by: z.string() }),
  /** A cash-on-delivery customer did not confirm in time: the order is held for a person. */
  "confirmation.unanswered": z.looseObject({ ...aboutOrder }),
  /** The customer wrote back about an order (`intent`: what the reply was read as). */
  "message.received": z.looseObject({ ...aboutOrder, customerName: z.string(), intent: z.enum(["confirm", "cancel"]).nullable().catch(null) }),
  /** An order of yours (or, with nobody on it, of the store's) became late by the store's rules. */
  "order.late": z.looseObject({ ...aboutOrder, reason: z.enum(LATE_REASONS).catch("not_shipped") }),
  /** An export prepared in the background is ready to download. */
  "export.ready": z.looseObject({ exportId: z.string(), rows: z.number(), format: z.string() }),
} as const;

export type NotificationType = keyof typeof NOTIFICATIONS;
export const NOTIFICATION_TYPES = Object.keys(NOTIFICATIONS) as NotificationType[];
export type NotificationData<T extends NotificationType> = z.output<(typeof NOTIFICATIONS)[T]>;
export type ParsedNotification =
  { [T in NotificationType]: { type: T; data: NotificationData<T> } }[NotificationType] | { type: "unknown"; data: { type: string } };

/** The type and data of a notification, checked against the catalogue. */
export function notification<T extends NotificationType>(type: T, data: z.input<(typeof NOTIFICATIONS)[T]>): { type: T; data: Record<string, unknown> } {
  return { type, data };
}

export function parseNotification(type: string, data: unknown): ParsedNotification {
  if (!(type in NOTIFICATIONS)) return { type: "unknown", data: { type } };
  const parsed = NOTIFICATIONS[type as NotificationType].safeParse(data ?? {});
  return parsed.success ? ({ type, data: parsed.data } as ParsedNotification) : { type: "unknown", data: { type } };
}
