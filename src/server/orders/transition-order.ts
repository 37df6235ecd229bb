import { db, type Tx } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue, notFound, type Say } from "@/server/errors/app-error";
import { claimIdempotencyKey, requestHash, saveIdempotentResponse } from "@/server/idempotency/claim-idempotency-key";
import { cancelReviewRequestInTx, scheduleReviewRequestInTx } from "@/server/reviews/review-requests";
import { expectOrderCollectionInTx } from "@/server/cod/collections";
import { queueCustomerMessage } from "@/server/notifications/queue-customer-message";
import { smsEventFor } from "@/server/notifications/sms-templates";
import type { Prisma } from "@/generated/prisma/client";
import type { OrderStatus as DbOrderStatus, PaymentMethod as DbPaymentMethod, PaymentStatus as DbPaymentStatus } from "@/generated/prisma/enums";
import { toOrderDto, type OrderDto } from "./order-dto";
import { selectOrderRow, storeOrdersSql, visibleOrdersSql } from "./order-queries";
import { actorFields, orderEvent } from "./order-events";
import { orderStatusFromDb, orderStatusToDb, type OrderStatus } from "./order-status";
import { ALWAYS_NOTIFY, MILESTONE_OF, availableActions, refuseTransition, stockEffect, type TransitionVia } from "./order-transitions";
import type { TransitionOrderInput } from "./schemas-transition";
import { isUuid } from "@/server/ids";
import { assertMayRefund } from "./refund-permission";
import { cityKey } from "@/server/shipping/cities";
import { taxDocumentsForMoveInTx } from "@/server/tax/issue-documents";

/** What the customer paid and has not had back. Cash on delivery is paid once delivered. */
export function refundableAmount(order: { paymentStatus: string; total: number; refundedAmount: number }) {
  const paid = order.paymentStatus === "PAID" || order.paymentStatus === "PARTIALLY_REFUNDED" ? order.total : 0;
  return Math.max(0, paid - order.refundedAmount);
}

type Options = { idempotencyKey?: string; via?: TransitionVia };
/** What a shipping label adds to the move to shipped: its SMS carries the tracking link. */
type InTxOptions = { via?: TransitionVia; labelTrackingUrl?: string; reason?: "customer_declined" | "unanswered" };

/**
 * Moves an order to a new status. The change, its milestone, its stock movement, its timeline event
 * and the message to the customer are written in one transaction, as a compare-and-set on
 * (status, version): of two people acting at once, exactly one wins and the other is told who did.
 */
export async function transitionOrder(ctx: StoreContext, unverifiedOrderId: string, input: TransitionOrderInput, options: Options = {}): Promise<OrderDto> {
  if (!isUuid(unverifiedOrderId)) throw notFound("Order");
  const orderId = unverifiedOrderId;
  return db.$transaction(async (tx) => {
    const claim = options.idempotencyKey
      ? { storeId: ctx.storeId, scope: `orders.transition:${orderId}`, key: options.idempotencyKey, requestHash: requestHash(input) }
      : null;
    if (claim) {
      const previous = await claimIdempotencyKey<OrderDto>(tx, claim);
      if (previous) return previous.replay;
    }
    const dto = await transitionOrderInTx(tx, ctx, orderId, input, { via: options.via });
    if (claim) await saveIdempotentResponse(tx, claim, 200, dto);
    return dto;
  });
}

/** The move itself, inside a transaction the caller owns (labels ship the order in theirs). */
export async function transitionOrderInTx(
  tx: Tx,
  ctx: StoreContext,
  orderId: string,
  input: TransitionOrderInput,
  options: InTxOptions = {},
): Promise<OrderDto> {
  const order = await selectOrderForMove(tx, ctx, orderId);
  if (!order) throw notFound("Order");
  const from = orderStatusFromDb(order.status);
  if (input.expectedVersion !== undefined && input.expectedVersion !== order.version) throw await versionConflict(tx, ctx.storeId, orderId);

  const refundable = refundableAmount(order);
  const refusal = refuseTransition({
    from,
    to: input.to,
    refundable,
    via: options.via ?? "action",
    // Only a move to shipped asks; the count is not paid for on every other move.
    hasShipment:
      input.to !== "shipped" ||
      !!input.shipment ||
      (await tx.shipment.count({ where: { storeId: ctx.storeId, orderId, voidedAt: null, status: { notIn: ["PENDING", "FAILED", "VOIDED"] } } })) > 0,
    refundAmount: input.refundAmount,
    // Asked only of a shipped order: the one a label void can be waiting on.
    labelVoiding: from === "shipped" && (await tx.shipment.count({ where: { storeId: ctx.storeId, orderId, status: "VOIDING" } })) > 0,
    held: order.heldAt !== null,
  });
  if (refusal) throw refusalError(refusal, from, input.to, refundable, order.currency);

  // A refund moves money: who may give how much back is the store's rule (refund-permission.ts). A
  // partial one gives part of the money back and leaves the order where it is; only the last, which
  // gives back all that was paid, makes the order refunded.
  const refunded = input.to === "refunded" ? (input.refundAmount ?? refundable) : 0;
  const partialRefund = input.to === "refunded" && refunded < refundable;
  if (input.to === "refunded") await assertMayRefund(tx, ctx, refunded, order.currency);

  const now = new Date();
  const data: Prisma.OrderUpdateManyMutationInput = partialRefund
    ? { version: { increment: 1 } }
    : { status: orderStatusToDb(input.to), version: { increment: 1 } };
  const milestone = partialRefund ? null : MILESTONE_OF[input.to];
  if (milestone) (data as Record<string, unknown>)[milestone] = now;
  if (input.to === "refunded") {
    data.refundedAmount = { increment: refunded };
    data.paymentStatus = refunded + order.refundedAmount >= order.total ? "REFUNDED" : "PARTIALLY_REFUNDED";
  }
  if (input.to === "delivered" && order.paymentMethod === "CASH_ON_DELIVERY" && order.paymentStatus === "PENDING") data.paymentStatus = "PAID";

  const effect = stockEffect(from, input.to, order.stockTaken);
  if (effect) data.stockTaken = effect === "take";
  // A canceled order waits for no confirmation.
  if (input.to === "canceled") data.confirmationDueAt = null;

  // The compare-and-set: only the order as we read it may change.
  const { count } = await tx.order.updateMany({ where: { storeId: ctx.storeId, id: orderId, status: order.status, version: order.version }, data });
  if (count === 0) throw await versionConflict(tx, ctx.storeId, orderId);

  if (input.to === "shipped" && input.shipment) {
    await tx.shipment.create({
      data: {
        storeId: ctx.storeId,
        orderId,
        kind: "MANUAL",
        destinationCity: cityKey(order.shippingCity),
        courierName: input.shipment.courierName,
        courierPhone: input.shipment.courierPhone ?? null,
        trackingNumber: input.shipment.trackingNumber ?? null,
      },
    });
  }

  const notify = input.notifyCustomer ?? ALWAYS_NOTIFY.includes(input.to);
  const changed = {
    from,
    to: partialRefund ? from : input.to,
    ...(input.customerNote ? { note: input.customerNote } : {}),
    ...(refunded ? { refundAmount: refunded, currency: order.currency } : {}),
    ...(input.shipment ? { courier: input.shipment.courierName, trackingNumber: input.shipment.trackingNumber ?? null } : {}),
    ...(effect ? { stock: effect === "take" ? ("taken" as const) : ("restored" as const) } : {}),
    ...(options.reason ? { reason: options.reason } : {}),
    notifyCustomer: notify,
  };
  await tx.orderEvent.create({
    data: {
      storeId: ctx.storeId,
      orderId,
      ...(partialRefund
        ? orderEvent("order.refunded", { ...changed, partial: true, refundedTotal: order.refundedAmount + refunded, paid: order.refundedAmount + refundable })
        : orderEvent("order.status_changed", changed)),
      ...actorFields(ctx.actor),
    },
  });
  if (notify) {
    await queueCustomerMessage(tx, {
      storeId: ctx.storeId,
      orderId,
      event: options.labelTrackingUrl ? "order.label_issued" : partialRefund ? "order.partially_refunded" : smsEventFor(input.to),
      vars: {
        status: partialRefund ? from : input.to,
        note: input.customerNote ?? "",
        tracking_url: options.labelTrackingUrl ?? "",
        ...(refunded ? { amount: { minor: refunded, currency: order.currency } } : {}),
      },
    });
  }

  const updated = await selectOrderRow(tx, ctx.storeId, storeOrdersSql(ctx.storeId), orderId);
  if (!updated) throw notFound("Order");
  // Stage 7: a delivered order is asked for a review later; one returned or refunded first is not.
  if (input.to === "delivered") {
    await scheduleReviewRequestInTx(tx, ctx.storeId, orderId, updated.deliveredAt ?? new Date());
    // Delivered by the carrier of its label: that carrier now owes the store the cash it collected.
    await expectOrderCollectionInTx(tx, ctx.storeId, orderId, updated.deliveredAt ?? new Date());
  }
  if (input.to === "returned" || (input.to === "refunded" && !partialRefund))
    await cancelReviewRequestInTx(tx, ctx.storeId, orderId, `the order was ${input.to}`);
  // The order's tax documents follow its money: invoiced on delivery, credited when money goes back.
  await taxDocumentsForMoveInTx(tx, ctx.storeId, orderId, { to: input.to, refunded, partial: partialRefund }, ctx.actor);
  // Stock last: its rows are shared by every order of the same products, and their locks are held
  // until commit, so the less that follows them, the less a busy store's moves wait on each other.
  if (effect) await moveStock(tx, ctx.storeId, order, effect);
  return toOrderDto(updated);
}

type OrderForMove = {
  status: DbOrderStatus;
  version: number;
  total: number;
  refundedAmount: number;
  currency: string;
  paymentMethod: DbPaymentMethod;
  paymentStatus: DbPaymentStatus;
  stockTaken: boolean;
  branchId: string | null;
  shippingCity: string;
  heldAt: Date | null;
  items: { id: string; variantId: string | null; quantity: number; stockBranchId: string | null }[];
};

/** What a move needs of the order, its lines included, in one statement. */
async function selectOrderForMove(tx: Tx, ctx: StoreContext, orderId: string): Promise<OrderForMove | null> {
  const rows = await tx.$queryRaw<OrderForMove[]>`
    SELECT o.status::text AS status, o.version, o.total, o."refundedAmount", o.currency, o."paymentMethod"::text AS "paymentMethod",
      o."paymentStatus"::text AS "paymentStatus", o."stockTaken", o."branchId", o."shippingCity", o."heldAt",
      COALESCE((SELECT json_agg(json_build_object('id', i.id, 'variantId', i."variantId", 'quantity', i.quantity, 'stockBranchId', i."stockBranchId"))
        FROM order_items i WHERE i."storeId" = ${ctx.storeId}::uuid AND i."orderId" = o.id), '[]') AS items
    FROM orders o WHERE ${visibleOrdersSql(ctx)} AND o.id = ${orderId}::uuid`;
  return rows[0] ?? null;
}

async function moveStock(tx: Tx, storeId: string, order: Pick<OrderForMove, "branchId" | "items">, effect: "take" | "restore") {
  // Every line's stock in one statement, and every line's branch in another: a busy desk moves
  // orders of many lines. Lines of one variant and branch are summed first (one row may change once
  // per statement), and rows are locked in one order (by variant, then branch) in every transaction:
  // two orders sharing products, moving at once, would otherwise deadlock (found by the benchmark).
  const deltas = new Map<string, { variantId: string; branchId: string; delta: number }>();
  const moved: string[] = [];
  for (const item of order.items) {
    const branchId = effect === "take" ? order.branchId : item.stockBranchId;
    if (!item.variantId || !branchId) continue;
    const key = `${item.variantId}|${branchId}`;
    const row = deltas.get(key) ?? { variantId: item.variantId, branchId, delta: 0 };
    row.delta += effect === "take" ? -item.quantity : item.quantity;
    deltas.set(key, row);
    moved.push(item.id);
  }
  if (!moved.length) return;
  const rows = [...deltas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  await tx.$executeRaw`
    INSERT INTO stock_levels ("storeId", "variantId", "branchId", quantity, "updatedAt")
    SELECT ${storeId}::uuid, v, b, d, now()
    FROM unnest(${rows.map((r) => r.variantId)}::uuid[], ${rows.map((r) => r.branchId)}::uuid[], ${rows.map((r) => r.delta)}::int[]) WITH ORDINALITY AS x(v, b, d, n)
    ORDER BY n
    ON CONFLICT ("storeId", "variantId", "branchId") DO UPDATE SET quantity = stock_levels.quantity + EXCLUDED.quantity, "updatedAt" = EXCLUDED."updatedAt"`;
  await tx.$executeRaw`
    UPDATE order_items SET "stockBranchId" = ${effect === "take" ? order.branchId : null}::uuid
    WHERE "storeId" = ${storeId}::uuid AND id = ANY(${moved}::uuid[])`;
}

async function versionConflict(tx: Tx, storeId: string, orderId: string) {
  // One connection in a transaction: one query at a time.
  const order = await selectOrderRow(tx, storeId, storeOrdersSql(storeId), orderId);
  const last = await tx.orderEvent.findFirst({ where: { storeId, orderId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { actorName: true } });
  if (!order) return notFound("Order");
  const by = last?.actorName ?? "someone else";
  return new AppError("ORDER_VERSION_CONFLICT", `This order was just changed by ${by}. It is now ${orderStatusFromDb(order.status).replace(/_/g, " ")}.`, {
    details: { changedBy: by, order: toOrderDto(order) },
    say: { key: "changedBy", params: { name: by, status: { status: orderStatusFromDb(order.status) } } },
  });
}

function refusalError(refusal: NonNullable<ReturnType<typeof refuseTransition>>, from: OrderStatus, to: OrderStatus, refundable: number, currency: string) {
  switch (refusal.code) {
    case "ORDER_INVALID_TRANSITION": {
      const allowed = availableActions(from, refundable);
      const why =
        refusal.reason === "only_by_voiding_label"
          ? "A shipped order goes back to in progress only by voiding its label."
          : refusal.reason === "nothing_paid"
            ? "Nothing was paid on this order, so there is nothing to refund."
            : `An order that is ${from.replace(/_/g, " ")} cannot become ${to.replace(/_/g, " ")}.`;
      const say: Say =
        refusal.reason === "only_by_voiding_label"
          ? { key: "onlyByVoidingLabel" }
          : refusal.reason === "nothing_paid"
            ? { key: "nothingPaid" }
            : allowed.length
              ? { key: "invalidTransition", params: { from: { status: from }, to: { status: to }, allowed: allowed.map((status) => ({ status })) } }
              : { key: "invalidTransitionNone", params: { from: { status: from } } };
      return new AppError("ORDER_INVALID_TRANSITION", `${why} Allowed: ${allowed.join(", ") || "none"}.`, { details: { from, allowed }, say });
    }
    case "ORDER_HELD":
      return new AppError("ORDER_HELD", "The order is held for review: release it first (or cancel it).", { say: { key: "orderHeld" } });
    case "SHIPMENT_REQUIRED":
      return new AppError("SHIPMENT_REQUIRED", "To mark the order shipped, say which courier takes it.", {
        fields: { "shipment.courierName": issue("requiredToShip") },
      });
    case "REFUND_EXCEEDS_PAID":
      return new AppError("REFUND_EXCEEDS_PAID", `The refund cannot be more than what was paid and not yet refunded (${refusal.refundable}).`, {
        fields: { refundAmount: issue("atMostAmount", { amount: { money: refusal.refundable, currency } }) },
        say: { key: "refundAtMost", params: { amount: { money: refusal.refundable, currency } } },
        details: { refundable: refusal.refundable },
      });
    case "LABEL_IN_PROGRESS":
      return new AppError("LABEL_IN_PROGRESS", "This order's label is being voided: wait for the carrier's answer before moving the order.", {
        details: { reason: "label_voiding" },
        say: { key: "labelVoiding" },
      });
    case "REFUND_AMOUNT_INVALID":
      return new AppError("REFUND_AMOUNT_INVALID", "The refund must be more than zero.", { fields: { refundAmount: issue("greaterThan", { n: 0 }) } });
  }
}
