// The customer confirms a cash-on-delivery order before anything ships: asked at intake (by the store's
// setting or the customer's risk band), answered on the order page, by a reply to the message, or by a
// person after a phone call; when the wait runs out, the store's rule (remind once, hold, or cancel).
// Every answer is decided under the order's row lock: of two answers at once the first counts and the
// second is told it was already answered.
import { z } from "zod";
import { db, type Tx } from "@/server/db/client";
import type { Actor, StoreContext } from "@/server/auth/context";
import { systemContext } from "@/server/auth/context";
import { AppError, notFound } from "@/server/errors/app-error";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { queueCustomerMessage } from "@/server/notifications/queue-customer-message";
import { notification } from "@/server/notifications/notification-types";
import { notifyUsers, orderAudience } from "@/server/notifications/notify-users";
import { isUuid } from "@/server/ids";
import type { ConfirmationState as DbConfirmationState } from "@/generated/prisma/enums";
import { actorFields, orderEvent } from "./order-events";
import { visibleOrdersSql } from "./order-queries";
import { lockOrder } from "./lock-order";
import { transitionOrderInTx } from "./transition-order";
import {
  CONFIRMATION_ASK,
  DEFAULT_CONFIRMATION_SETTINGS,
  MAX_WAIT_HOURS,
  UNANSWERED_RULES,
  UNCONFIRMED_LABEL_RULES,
  isOpen,
  onDeadline,
  type AnswerVia,
  type ConfirmationSettings,
  type ConfirmationState,
} from "./confirmation-rules";
import { CUSTOMER_TOKEN, orderTokenWhere } from "@/lib/customer-token";

export const confirmationSettingsSchema = z.strictObject({
  ask: z.enum(CONFIRMATION_ASK),
  waitHours: z.number().int().min(1).max(MAX_WAIT_HOURS),
  whenUnanswered: z.enum(UNANSWERED_RULES),
  label: z.enum(UNCONFIRMED_LABEL_RULES),
});

/** The store's settings, defaults filled in; a document that no longer parses falls back to the defaults. */
export function readConfirmationSettings(stored: unknown): ConfirmationSettings {
  const parsed = confirmationSettingsSchema.partial().safeParse(stored ?? {});
  return parsed.success ? { ...DEFAULT_CONFIRMATION_SETTINGS, ...parsed.data } : DEFAULT_CONFIRMATION_SETTINGS;
}

export async function getConfirmationSettings(ctx: StoreContext): Promise<ConfirmationSettings> {
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { confirmationSettings: true } });
  return readConfirmationSettings(store.confirmationSettings);
}

/** One document, replaced whole: the last save wins. Orders already waiting keep the wait they were given. */
export async function saveConfirmationSettings(ctx: StoreContext, input: ConfirmationSettings): Promise<void> {
  await db.store.update({ where: { id: ctx.storeId }, data: { confirmationSettings: input } });
}

export const fromDbState = (state: DbConfirmationState | string | null): ConfirmationState | null =>
  state ? (state.toLowerCase() as ConfirmationState) : null;

/**
 * At intake, in the order's transaction: the order waits for the customer's answer until the store's wait
 * runs out, the customer is sent the question (with the order page's link and the replies understood),
 * and the deadline is queued as a job.
 */
export async function requestConfirmationInTx(
  tx: Tx,
  input: { storeId: string; orderId: string; total: number; currency: string; reason: "store" | "risk"; settings: ConfirmationSettings },
) {
  const now = new Date();
  const dueAt = new Date(now.getTime() + input.settings.waitHours * 3_600_000);
  await tx.order.update({
    where: { storeId_id: { storeId: input.storeId, id: input.orderId } },
    data: { confirmation: "AWAITING", confirmationDueAt: dueAt },
  });
  await tx.orderEvent.create({
    data: {
      storeId: input.storeId,
      orderId: input.orderId,
      ...orderEvent("confirmation.requested", { dueAt: dueAt.toISOString(), reason: input.reason }),
      ...actorFields(systemContext(input.storeId).actor),
    },
  });
  await queueCustomerMessage(tx, {
    storeId: input.storeId,
    orderId: input.orderId,
    event: "order.confirm_cod",
    vars: { status: "received", note: "", tracking_url: "", amount: { minor: input.total, currency: input.currency } },
  });
  await enqueueJob(tx, "order.confirmation_due", { storeId: input.storeId, orderId: input.orderId }, { storeId: input.storeId, runAt: dueAt });
}

/** Before the parcel leaves, a customer may still say no; after, it is a matter for a person. */
const CANCELABLE: readonly string[] = ["RECEIVED", "IN_PROGRESS"];

export type AnswerOutcome = { state: ConfirmationState; changed: boolean };

/**
 * The customer's answer (or a person's, on the customer's word). Confirming clears the flag; declining
 * cancels the order "by the customer" (its stock back, the customer told). An answer to a question already
 * answered changes nothing and says what the answer was.
 */
export async function answerConfirmationInTx(
  tx: Tx,
  input: { storeId: string; orderId: string; answer: "confirm" | "cancel"; via: AnswerVia; actor: Actor },
): Promise<AnswerOutcome> {
  const order = await lockOrder(tx, systemContext(input.storeId), input.orderId);
  if (!order) throw notFound("Order");
  const state = fromDbState(order.confirmation);
  if (!isOpen(state)) {
    if (!state) throw new AppError("CONFLICT", "This order is not waiting for a confirmation.", { say: { key: "confirmationNotAsked" } });
    return { state, changed: false };
  }
  if (input.answer === "cancel" && !CANCELABLE.includes(order.status))
    throw new AppError("CONFLICT", "The order has already left the store: contact the store to cancel it.", { say: { key: "confirmationTooLate" } });
  const event = input.answer === "confirm" ? "confirmation.confirmed" : "confirmation.declined";
  await tx.order.update({
    where: { storeId_id: { storeId: input.storeId, id: input.orderId } },
    data: { confirmation: input.answer === "confirm" ? "CONFIRMED" : "DECLINED", confirmationDueAt: null, version: { increment: 1 } },
  });
  await tx.orderEvent.create({
    data: { storeId: input.storeId, orderId: input.orderId, ...orderEvent(event, { via: input.via }), ...actorFields(input.actor) },
  });
  if (input.answer === "cancel") {
    const ctx: StoreContext = { storeId: input.storeId, role: "OWNER", actor: input.actor };
    await transitionOrderInTx(tx, ctx, input.orderId, { to: "canceled", notifyCustomer: true }, { reason: "customer_declined" });
  }
  return { state: input.answer === "confirm" ? "confirmed" : "declined", changed: true };
}

/** The customer's own order page: its token is the only key. */
export async function answerByToken(token: string, answer: "confirm" | "cancel"): Promise<AnswerOutcome> {
  if (!CUSTOMER_TOKEN.test(token)) throw notFound("Order");
  const order = await db.order.findFirst({ where: orderTokenWhere(token), select: { storeId: true, id: true, customerId: true, customerName: true } });
  if (!order) throw notFound("Order");
  return db.$transaction((tx) =>
    answerConfirmationInTx(tx, {
      storeId: order.storeId,
      orderId: order.id,
      answer,
      via: "link",
      actor: { type: "CUSTOMER", id: order.customerId, name: order.customerName },
    }),
  );
}

/** A person confirms for the customer (who said so on the phone). Cancelling is the order's own cancel. */
export async function confirmForCustomer(ctx: StoreContext, unverifiedOrderId: string): Promise<AnswerOutcome> {
  if (!isUuid(unverifiedOrderId)) throw notFound("Order");
  return db.$transaction(async (tx) => {
    const [visible] = await tx.$queryRaw<{ id: string }[]>`SELECT o.id FROM orders o WHERE ${visibleOrdersSql(ctx)} AND o.id = ${unverifiedOrderId}::uuid`;
    if (!visible) throw notFound("Order");
    return answerConfirmationInTx(tx, { storeId: ctx.storeId, orderId: visible.id, answer: "confirm", via: "staff", actor: ctx.actor });
  });
}

/**
 * The `order.confirmation_due` job: the wait ran out. Nothing if the customer answered, the order was
 * canceled, or a reminder moved the deadline on; otherwise the store's rule — remind once (and wait
 * again), hold for a person (who is told), or cancel (before the parcel leaves; after, it is held).
 */
export async function confirmationDue(payload: { storeId: string; orderId: string }, { now }: { now: Date }) {
  await db.$transaction(async (tx) => {
    const order = await lockOrder(tx, systemContext(payload.storeId), payload.orderId);
    if (!order || order.confirmation !== "AWAITING" || !order.confirmationDueAt || order.confirmationDueAt > now) return;
    if (!CANCELABLE.includes(order.status) && order.status !== "SHIPPED" && order.status !== "OUT_FOR_DELIVERY") {
      // Canceled, delivered, returned: there is nothing left to confirm.
      await tx.order.update({ where: { storeId_id: { storeId: payload.storeId, id: order.id } }, data: { confirmationDueAt: null } });
      return;
    }
    const store = await tx.store.findUniqueOrThrow({ where: { id: payload.storeId }, select: { confirmationSettings: true } });
    const settings = readConfirmationSettings(store.confirmationSettings);
    let action = onDeadline(settings, order.confirmationRemindedAt !== null);
    if (action === "cancel" && !CANCELABLE.includes(order.status)) action = "hold";
    const system = systemContext(payload.storeId);
    const where = { storeId_id: { storeId: payload.storeId, id: order.id } };

    if (action === "remind") {
      const dueAt = new Date(now.getTime() + settings.waitHours * 3_600_000);
      await tx.order.update({ where, data: { confirmationRemindedAt: now, confirmationDueAt: dueAt } });
      await tx.orderEvent.create({
        data: {
          storeId: payload.storeId,
          orderId: order.id,
          ...orderEvent("confirmation.reminded", { dueAt: dueAt.toISOString() }),
          ...actorFields(system.actor),
        },
      });
      await queueCustomerMessage(tx, {
        storeId: payload.storeId,
        orderId: order.id,
        event: "order.confirm_reminder",
        vars: { status: "received", note: "", tracking_url: "", amount: { minor: order.total, currency: order.currency } },
      });
      await enqueueJob(tx, "order.confirmation_due", payload, { storeId: payload.storeId, runAt: dueAt });
      return;
    }
    await tx.order.update({
      where,
      data: { confirmation: "UNANSWERED", version: { increment: 1 }, ...(action === "cancel" ? { confirmationDueAt: null } : {}) },
    });
    await tx.orderEvent.create({
      data: { storeId: payload.storeId, orderId: order.id, ...orderEvent("confirmation.unanswered", { rule: action }), ...actorFields(system.actor) },
    });
    if (action === "cancel") {
      await transitionOrderInTx(tx, system, order.id, { to: "canceled", notifyCustomer: true }, { reason: "unanswered" });
      return;
    }
    const row = await tx.order.findUniqueOrThrow({ where, select: { number: true, assigneeId: true } });
    await notifyUsers(tx, {
      storeId: payload.storeId,
      userIds: row.assigneeId ? [row.assigneeId] : await orderAudience(tx, payload.storeId, null),
      orderId: order.id,
      ...notification("confirmation.unanswered", { number: row.number }),
    });
  });
}

/** Whether a label may be bought for an order whose customer has not confirmed: the store's rule. */
export async function assertLabelAllowedUnconfirmed(tx: Tx, storeId: string, confirmation: DbConfirmationState | null) {
  if (!isOpen(fromDbState(confirmation))) return;
  const store = await tx.store.findUniqueOrThrow({ where: { id: storeId }, select: { confirmationSettings: true } });
  if (readConfirmationSettings(store.confirmationSettings).label === "refuse")
    throw new AppError(
      "CONFIRMATION_PENDING",
      "The customer has not confirmed this cash-on-delivery order yet: the store buys labels only for confirmed ones.",
      {
        say: { key: "confirmationPending" },
      },
    );
}
