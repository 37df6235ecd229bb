/**
 * The order timeline's event types, each with the shape of its data: the one catalogue. Events are
 * written through `orderEvent` (a typo in a type or a field fails the typecheck), read back through
 * `parseOrderEvent` (rows written by an older version that do not fit come back as "unknown", never
 * as a crash), and rendered by a table that must name every type (timeline.tsx).
 */
import { z } from "zod";
import type { Actor } from "@/server/auth/context";
import type { Prisma } from "@/generated/prisma/client";
import { ORDER_STATUSES } from "./order-status";

const status = z.enum(ORDER_STATUSES);
const money = { currency: z.string().optional() };
const statusChange = {
  from: status,
  to: status,
  note: z.string().optional(),
  refundAmount: z.number().optional(),
  ...money,
  courier: z.string().optional(),
  trackingNumber: z.string().nullable().optional(),
  stock: z.enum(["taken", "restored"]).optional(),
  notifyCustomer: z.boolean().optional(),
  /** Why Tajer made the move: the customer declined to confirm, or never answered. */
  reason: z.enum(["customer_declined", "unanswered"]).optional(),
};
const comment = z.looseObject({ commentId: z.string() });
const reason = z.looseObject({ reason: z.string().nullable().optional() });

// Loose objects: a field added later is kept, never stripped from what the API shows.
export const ORDER_EVENTS = {
  "order.placed": z.looseObject({
    source: z.enum(["storefront", "api", "manual"]).catch("api"),
    total: z.number().optional(),
    itemsCount: z.number().optional(),
    ...money,
  }),
  "order.status_changed": z.looseObject(statusChange),
  /** Part of what was paid given back; the order stays where it is. */
  "order.refunded": z.looseObject({ ...statusChange, partial: z.boolean().optional(), refundedTotal: z.number().optional(), paid: z.number().optional() }),
  "order.assigned": z.looseObject({ assigneeId: z.string().nullable(), assigneeName: z.string().nullable() }),
  "order.tags_changed": z.looseObject({ added: z.array(z.string()), removed: z.array(z.string()) }),
  "comment.added": comment,
  "comment.edited": comment,
  "comment.deleted": comment,
  "customer.blocked": z.looseObject({ reason: z.string() }),
  "customer.unblocked": z.looseObject({}),
  "label.issued": z.looseObject({
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    cost: z.number(),
    handover: z.string().nullable().optional(),
    ...money,
  }),
  "label.failed": z.looseObject({ carrier: z.string().nullable(), reason: z.string(), refunded: z.number() }),
  "label.voided": z.looseObject({
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    refunded: z.number(),
    reason: z.string().nullable().optional(),
  }),
  "label.void_refused": z.looseObject({ carrier: z.string().nullable(), reason: z.string() }),
  "shipment.updated": z.looseObject({ status: z.string(), trackingNumber: z.string().optional() }),
  /** Held at intake for a person's review: the customer's risk band says so, for these reasons. */
  "order.held": z.looseObject({
    score: z.number(),
    band: z.enum(["low", "medium", "high"]).catch("high"),
    reasons: z.array(z.looseObject({ factor: z.string(), points: z.number() })).catch([]),
  }),
  /** A person released the hold: the order may move on. */
  "order.released": z.looseObject({}),
  /** Cash on delivery: the carrier took the cash at the door. */
  "cod.collected": z.looseObject({ amount: z.number(), ...money, trackingNumber: z.string().optional() }),
  /** A carrier's statement paid (part of) the order's cash: how its line matched. */
  "cod.remitted": z.looseObject({
    amount: z.number(),
    ...money,
    outcome: z.enum(["MATCHED", "SHORT", "OVER", "PAID_TWICE", "REFUSED", "UNEXPECTED"]).catch("MATCHED"),
    statement: z.string(),
  }),
  /** A statement line for the order taken back (the statement was reversed). */
  "cod.reversed": z.looseObject({ amount: z.number(), ...money, statement: z.string() }),
  /** A difference closed by a person, with their note. */
  "cod.settled": z.looseObject({ amount: z.number(), ...money, note: z.string() }),
  "review.requested": z.looseObject({ smsId: z.string().nullable().optional(), discountCode: z.string().nullable().optional() }),
  "review.request_canceled": reason,
  "review.request_skipped": reason,
  /** Cash on delivery: the customer is asked to confirm by `dueAt` (the store's setting, or their risk band). */
  "confirmation.requested": z.looseObject({ dueAt: z.string(), reason: z.enum(["store", "risk"]).catch("store") }),
  "confirmation.reminded": z.looseObject({ dueAt: z.string() }),
  "confirmation.confirmed": z.looseObject({ via: z.enum(["link", "reply", "staff"]).catch("link") }),
  "confirmation.declined": z.looseObject({ via: z.enum(["link", "reply", "staff"]).catch("link") }),
  /** The wait ran out: held for a person, or canceled, by the store's rule. */
  "confirmation.unanswered": z.looseObject({ rule: z.enum(["hold", "cancel"]).catch("hold") }),
  /** The customer wrote back (SMS or WhatsApp); `intent`: what the reply was read as. */
  "message.received": z.looseObject({
    messageId: z.string(),
    channel: z.enum(["sms", "whatsapp"]).catch("sms"),
    body: z.string(),
    intent: z.enum(["confirm", "cancel"]).nullable().catch(null),
  }),
  /** A person wrote to the customer from the order page. */
  "message.sent": z.looseObject({ messageId: z.string(), channel: z.enum(["sms", "whatsapp"]).catch("sms") }),
  /** An invoice, credit note or debit note issued for the order. */
  "tax.document_issued": z.looseObject({
    documentId: z.string(),
    kind: z.enum(["INVOICE", "CREDIT_NOTE", "DEBIT_NOTE"]).catch("INVOICE"),
    number: z.string(),
    total: z.number(),
    ...money,
    invoiceNumber: z.string().optional(),
  }),
  /** The tax authority refused a document: why, in its words. */
  "tax.document_rejected": z.looseObject({ documentId: z.string(), number: z.string(), errors: z.array(z.string()).catch([]) }),
  /** Packed at the packing station: units scanned of the order's, scans refused (a wrong item, one too many), box and weight. */
  "order.packed": z.looseObject({
    packId: z.string(),
    scannedUnits: z.number(),
    totalUnits: z.number(),
    refusedScans: z.number(),
    box: z.string().nullable().optional(),
    weightGrams: z.number().nullable().optional(),
  }),
  "review.submitted": z.looseObject({ rating: z.number(), edited: z.boolean().optional(), photos: z.number().optional() }),
} as const;

export type OrderEventType = keyof typeof ORDER_EVENTS;
export const ORDER_EVENT_TYPES = Object.keys(ORDER_EVENTS) as OrderEventType[];
export type OrderEventData<T extends OrderEventType> = z.output<(typeof ORDER_EVENTS)[T]>;
/** An event as read back: its type and its data, of that type's shape, or "unknown". */
export type ParsedOrderEvent = { [T in OrderEventType]: { type: T; data: OrderEventData<T> } }[OrderEventType] | { type: "unknown"; data: { type: string } };

/** The type and data columns of an event row, checked against the catalogue. */
export function orderEvent<T extends OrderEventType>(type: T, data: z.input<(typeof ORDER_EVENTS)[T]>): { type: T; data: Prisma.InputJsonObject } {
  return { type, data: data as Prisma.InputJsonObject };
}

export function parseOrderEvent(type: string, data: unknown): ParsedOrderEvent {
  if (!(type in ORDER_EVENTS)) return { type: "unknown", data: { type } };
  const parsed = ORDER_EVENTS[type as OrderEventType].safeParse(data ?? {});
  return parsed.success ? ({ type, data: parsed.data } as ParsedOrderEvent) : { type: "unknown", data: { type } };
}

/** The actor columns of an OrderEvent row. */
export function actorFields(actor: Actor) {
  return { actorType: actor.type, actorId: actor.id, actorName: actor.name } as const;
}
