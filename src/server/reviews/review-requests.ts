// Asking for a review: scheduled when an order is delivered (delay, then past quiet hours, in the
// Postgres job queue so it survives restarts), canceled if the order is returned or refunded first, at
// most one per order, never to a blocked customer, recorded on the order's timeline with its SMS.
import { db, type Tx } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, notFound } from "@/server/errors/app-error";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { publicUrl } from "@/server/http/public-url";
import { renderTemplate } from "@/server/notifications/sms-templates";
import { actorFields, orderEvent } from "@/server/orders/order-events";
import { REVIEW_PLACEHOLDERS, readReviewSettings, type ReviewSettings } from "./review-settings";
import { newDiscountCode } from "./discount-rules";
import { deferPastQuietHours, inQuietHours, reviewRequestTime } from "./schedule";

export const reviewUrl = (token: string) => `${publicUrl()}/r/${token}`;

/** Inside the transaction that delivers an order: one request per order, due after the store's delay. */
export async function scheduleReviewRequestInTx(tx: Tx, storeId: string, orderId: string, deliveredAt: Date) {
  const store = await tx.store.findUniqueOrThrow({ where: { id: storeId }, select: { reviewSettings: true, timeZone: true } });
  const settings = readReviewSettings(store.reviewSettings);
  if (!settings.enabled) return;
  const scheduledFor = reviewRequestTime(deliveredAt, settings, store.timeZone);
  const created = await tx.reviewRequest.createManyAndReturn({ data: [{ storeId, orderId, scheduledFor }], skipDuplicates: true, select: { id: true } });
  // A second delivery event (a carrier's duplicate, a re-delivery) keeps the first request.
  if (!created.length) return;
  await enqueueJob(tx, "review.request", { storeId, requestId: created[0].id }, { storeId, runAt: scheduledFor });
}

/** Inside the transaction that returns or refunds an order: a request not yet sent is canceled. */
export async function cancelReviewRequestInTx(tx: Tx, storeId: string, orderId: string, reason: string) {
  const { count } = await tx.reviewRequest.updateMany({ where: { storeId, orderId, status: "SCHEDULED" }, data: { status: "CANCELED", reason } });
  if (count)
    await tx.orderEvent.create({ data: { storeId, orderId, ...orderEvent("review.request_canceled", { reason }), actorType: "SYSTEM", actorName: "Tajer" } });
}

type SendOutcome = { status: "sent" | "canceled" | "skipped" | "deferred" | "already"; reason?: string; runAt?: Date };

/**
 * The job: sends one request if it is still due. Re-checks everything at send time (the order may have
 * been returned, the customer blocked, the settings changed) and defers past quiet hours.
 */
export async function sendReviewRequest(
  payload: { storeId: string; requestId: string },
  options: { now?: Date; byMerchant?: boolean; actor?: StoreContext["actor"] } = {},
): Promise<SendOutcome> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status FROM review_requests WHERE "storeId" = ${payload.storeId}::uuid AND id = ${payload.requestId}::uuid FOR UPDATE`;
    if (!locked) return { status: "canceled", reason: "the request no longer exists" };
    if (locked.status !== "SCHEDULED") return { status: "already" };
    const request = await tx.reviewRequest.findUniqueOrThrow({ where: { storeId_id: { storeId: payload.storeId, id: payload.requestId } } });
    const [store, order] = await Promise.all([
      tx.store.findUniqueOrThrow({
        where: { id: payload.storeId },
        select: { name: true, locale: true, timeZone: true, smsMode: true, webhookUrl: true, reviewSettings: true },
      }),
      tx.order.findUniqueOrThrow({
        where: { storeId_id: { storeId: payload.storeId, id: request.orderId } },
        select: {
          id: true,
          number: true,
          status: true,
          customerId: true,
          customerName: true,
          customerPhone: true,
          customer: { select: { blockedAt: true, locale: true } },
        },
      }),
    ]);
    const settings = readReviewSettings(store.reviewSettings);
    const end = async (status: "CANCELED" | "SKIPPED", reason: string): Promise<SendOutcome> => {
      await tx.reviewRequest.update({ where: { storeId_id: { storeId: payload.storeId, id: request.id } }, data: { status, reason } });
      await tx.orderEvent.create({
        data: {
          storeId: payload.storeId,
          orderId: order.id,
          type: status === "CANCELED" ? "review.request_canceled" : "review.request_skipped",
          actorType: "SYSTEM",
          actorName: "Tajer",
          data: { reason },
        },
      });
      return { status: status === "CANCELED" ? "canceled" : "skipped", reason };
    };
    if (order.status !== "DELIVERED") return end("CANCELED", `the order is ${order.status.toLowerCase().replace(/_/g, " ")}`);
    if (order.customer.blockedAt) return end("SKIPPED", "the customer is blocked");
    // A merchant who asks now is heard even with automatic requests off and at night; a blocked customer still gets nothing.
    if (!settings.enabled && !options.byMerchant) return end("SKIPPED", "review requests are switched off");
    if (store.smsMode === "OFF") return end("SKIPPED", "SMS to customers is off");
    if (!options.byMerchant && inQuietHours(now, settings.quietHours, store.timeZone)) {
      const runAt = deferPastQuietHours(now, settings.quietHours, store.timeZone);
      await tx.reviewRequest.update({ where: { storeId_id: { storeId: payload.storeId, id: request.id } }, data: { scheduledFor: runAt } });
      await enqueueJob(tx, "review.request", payload, { storeId: payload.storeId, runAt });
      return { status: "deferred", runAt };
    }

    const discount = await createDiscount(tx, payload.storeId, request.id, order.customerId, settings, now);
    const locale = (order.customer.locale ?? store.locale) === "en" ? "en" : "ar";
    const link = reviewUrl(request.token);
    const body = renderTemplate(
      settings.templates[locale],
      { customer_name: order.customerName, order_number: `#${order.number}`, store_name: store.name, review_url: link, discount_code: discount ?? "" },
      REVIEW_PLACEHOLDERS,
    );
    let smsId: string | null = null;
    if (store.smsMode === "OWN_PROVIDER") {
      if (store.webhookUrl) {
        await enqueueJob(
          tx,
          "webhook.deliver",
          {
            storeId: payload.storeId,
            event: "review.requested",
            body: {
              event: "review.requested",
              orderId: order.id,
              orderNumber: order.number,
              customer: { name: order.customerName, phone: order.customerPhone },
              reviewUrl: link,
              discountCode: discount,
              message: body,
              occurredAt: now.toISOString(),
            },
          },
          { storeId: payload.storeId },
        );
      }
    } else {
      const sms = await tx.smsMessage.create({
        data: { storeId: payload.storeId, orderId: order.id, event: "review.request", to: order.customerPhone, body },
        select: { id: true },
      });
      smsId = sms.id;
      await enqueueJob(tx, "sms.send", { storeId: payload.storeId, smsId: sms.id }, { storeId: payload.storeId });
    }
    await tx.reviewRequest.update({
      where: { storeId_id: { storeId: payload.storeId, id: request.id } },
      data: { status: "SENT", sentAt: now, scheduledFor: now },
    });
    await tx.orderEvent.create({
      data: {
        storeId: payload.storeId,
        orderId: order.id,
        ...orderEvent("review.requested", { smsId, discountCode: discount }),
        ...(options.actor ? actorFields(options.actor) : { actorType: "SYSTEM" as const, actorName: "Tajer" }),
      },
    });
    return { status: "sent" };
  });
}

async function createDiscount(tx: Tx, storeId: string, requestId: string, customerId: string, settings: ReviewSettings, now: Date): Promise<string | null> {
  const d = settings.discount;
  if (d.kind === "off") return null;
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newDiscountCode();
    const rows = await tx.discountCode.createManyAndReturn({
      data: [
        {
          storeId,
          requestId,
          customerId,
          code,
          kind: d.kind,
          value: d.kind === "percent" ? d.percent : d.amount,
          minOrder: d.minOrder,
          expiresAt: new Date(now.getTime() + d.validityDays * 86_400_000),
        },
      ],
      skipDuplicates: true,
      select: { code: true },
    });
    if (rows.length) return rows[0].code;
    // The request already has its code (a retry): reuse it.
    const existing = await tx.discountCode.findUnique({ where: { storeId_requestId: { storeId, requestId } }, select: { code: true } });
    if (existing) return existing.code;
  }
  throw new Error("could not find a free discount code");
}

/** "Send review request now" (owners and admins): for the impatient merchant and for demos; not before delivery, and once. */
export async function sendReviewRequestNow(ctx: StoreContext, orderId: string): Promise<SendOutcome> {
  const order = await db.order.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: orderId } }, select: { status: true, deliveredAt: true } });
  if (!order) throw notFound("Order");
  if (order.status !== "DELIVERED")
    throw new AppError("CONFLICT", "A review request goes out once the order is delivered.", { say: { key: "reviewAfterDelivery" } });
  const request = await db.$transaction(async (tx) => {
    await tx.reviewRequest.createMany({ data: [{ storeId: ctx.storeId, orderId, scheduledFor: new Date() }], skipDuplicates: true });
    return tx.reviewRequest.findUniqueOrThrow({ where: { storeId_orderId: { storeId: ctx.storeId, orderId } } });
  });
  if (request.status === "SENT")
    throw new AppError("CONFLICT", "The customer was already asked for a review of this order.", {
      details: { sentAt: request.sentAt?.toISOString() },
      say: { key: "reviewAlreadyAsked" },
    });
  if (request.status !== "SCHEDULED")
    throw new AppError("CONFLICT", `The review request was ${request.status.toLowerCase()}: ${request.reason ?? ""}`.trim(), {
      say: { key: "reviewRequestNotScheduled" },
    });
  const outcome = await sendReviewRequest({ storeId: ctx.storeId, requestId: request.id }, { byMerchant: true, actor: ctx.actor });
  if (outcome.status === "skipped" || outcome.status === "canceled")
    throw new AppError("CONFLICT", `No review request: ${outcome.reason}.`, { say: { key: "reviewNotSent", params: { reason: outcome.reason ?? "" } } });
  return outcome;
}
