import { db, type Tx } from "@/server/db/client";
import { entryReference } from "@/server/wallet/entry-reference";
import type { StoreContext } from "@/server/auth/context";
import { AppError, notFound, type Say } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { actorFields, orderEvent } from "@/server/orders/order-events";
import { lockOrder } from "@/server/orders/lock-order";
import { visibleOrders } from "@/server/orders/order-scope";
import { transitionOrderInTx } from "@/server/orders/transition-order";
import { queueCustomerMessage } from "@/server/notifications/queue-customer-message";
import { creditWallet } from "@/server/wallet/ledger";
import { CarrierError, type CarrierAdapter, type CarrierShipment } from "./carrier-adapter";
import { CARRIERS, type CarrierId } from "./carriers";
import { answerWithin, CARRIER_ANSWER_WITHIN_MS, LATE } from "./answer-within";
import { voidRefusal, type VoidRefusal } from "./label-rules";
import { toLabelDto, type LabelDto } from "./label-dto";
import { moveShipment } from "./move-shipment";

type Deps = { adapters: Record<CarrierId, CarrierAdapter>; answerWithinMs?: number };

/**
 * Voids a label, in the same three steps as issuing one:
 * 1. decide in Tajer, under the order's lock: the label is issued, the carrier does not have the parcel,
 *    and the order is still shipped by it (not out for delivery, delivered, returned…). The label becomes
 *    VOIDING and the order's version moves, so no move read before this decision can commit after it;
 * 2. ask the carrier to cancel;
 * 3. record: voided, refunded and the order back in progress — or, when the carrier refused (it has the
 *    parcel), the label is issued again as it was. No answer in time: the label stays VOIDING and the
 *    carrier's late answer, or reconciliation from the carrier's own record, settles it.
 */
export async function voidLabel(ctx: StoreContext, unverifiedShipmentId: string, deps: Deps): Promise<LabelDto> {
  if (!isUuid(unverifiedShipmentId)) throw notFound("Shipment");
  const decided = await db.$transaction(async (tx) => {
    const found = await tx.shipment.findFirst({
      where: { storeId: ctx.storeId, id: unverifiedShipmentId, kind: "CARRIER", order: visibleOrders(ctx) },
      select: { id: true, orderId: true },
    });
    if (!found) throw notFound("Shipment");
    const order = await lockOrder(tx, ctx, found.orderId);
    if (!order) throw notFound("Shipment");
    const shipment = await tx.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: ctx.storeId, id: found.id } } });
    const refusal = voidRefusal(order.status, shipment.status);
    if (refusal) throw voidRefusalError(refusal, order.status);
    await tx.shipment.update({ where: { storeId_id: { storeId: ctx.storeId, id: shipment.id } }, data: { status: "VOIDING", voidReason: "requested" } });
    await tx.order.update({ where: { storeId_id: { storeId: ctx.storeId, id: order.id } }, data: { version: { increment: 1 } } });
    return shipment;
  });
  const label = await settleVoid(ctx, decided.id, deps);
  if (label.status === "created")
    throw new AppError("VOID_NOT_ALLOWED", `${CARRIERS[decided.carrier as CarrierId].name} refused to cancel: it already has the parcel.`, {
      details: { reason: "carrier_has_parcel" },
      say: { key: "carrierHasParcel", params: { carrier: { carrier: decided.carrier ?? "" } } },
    });
  return label;
}

export function voidRefusalError(refusal: VoidRefusal, orderStatus: string): AppError {
  const words: Record<VoidRefusal, string> = {
    not_issued: "This label was never issued.",
    already_voided: "This label was already voided.",
    label_pending: "This label is still waiting for the carrier's answer.",
    label_voiding: "This label is already being voided.",
    carrier_has_parcel: "The carrier already has the parcel: the label can no longer be voided.",
    order_moved_on: `The order is ${orderStatus.toLowerCase().replace(/_/g, " ")}: its label can no longer be voided.`,
  };
  const say: Record<VoidRefusal, Say> = {
    not_issued: { key: "voidNeverIssued" },
    already_voided: { key: "voidAlreadyVoided" },
    label_pending: { key: "voidLabelPending" },
    label_voiding: { key: "voidLabelVoiding" },
    carrier_has_parcel: { key: "voidCarrierHasParcel" },
    order_moved_on: { key: "voidOrderMovedOn", params: { status: { status: orderStatus } } },
  };
  return new AppError("VOID_NOT_ALLOWED", words[refusal], { details: { reason: refusal, orderStatus: orderStatus.toLowerCase() }, say: say[refusal] });
}

/** Asks the carrier to cancel a VOIDING label and records its answer (steps 2 and 3). */
export async function settleVoid(ctx: StoreContext, shipmentId: string, deps: Deps): Promise<LabelDto> {
  const shipment = await db.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: ctx.storeId, id: shipmentId } } });
  if (shipment.status !== "VOIDING") return toLabelDto(shipment);
  const adapter = deps.adapters[shipment.carrier as CarrierId];
  const settled = adapter.cancelShipment(shipment.trackingNumber!).then(
    () => recordVoided(ctx, shipmentId),
    async (error: unknown) => {
      if (!(error instanceof CarrierError)) throw error;
      // Not reached: try again (reconciliation asks the carrier's record). Refused: it has the parcel.
      if (error.retryable) return toLabelDto(shipment);
      return recordVoidRefused(ctx, shipmentId, error.message);
    },
  );
  const outcome = await answerWithin(settled, deps.answerWithinMs ?? CARRIER_ANSWER_WITHIN_MS);
  return outcome === LATE ? toLabelDto(shipment) : outcome;
}

/** Reconciliation of a VOIDING label from the carrier's record: canceled (or unknown) → voided; still waiting → asked again; in its hands → restored. */
export async function settleVoidFromRecord(
  ctx: StoreContext,
  shipmentId: string,
  known: CarrierShipment | null,
  deps: Deps,
): Promise<"voided" | "restored" | "waiting"> {
  if (!known || known.status === "canceled") return (await recordVoided(ctx, shipmentId)).status === "voided" ? "voided" : "waiting";
  if (known.status === "created") {
    const label = await settleVoid(ctx, shipmentId, deps);
    return label.status === "voided" ? "voided" : label.status === "created" ? "restored" : "waiting";
  }
  await recordVoidRefused(ctx, shipmentId, `the carrier has the parcel (${known.status.replace(/_/g, " ")})`);
  return "restored";
}

/** The carrier canceled: the label is voided and refunded; a label a person voided takes its order back to in progress. */
async function recordVoided(ctx: StoreContext, shipmentId: string): Promise<LabelDto> {
  return db.$transaction(async (tx) => {
    const { moved, shipment, order } = await moveShipment(tx, ctx.storeId, shipmentId, "VOIDING", () => ({ status: "VOIDED", voidedAt: new Date() }));
    if (!moved) return toLabelDto(shipment);
    if (shipment.cost > 0) {
      await creditWallet(tx, ctx.storeId, shipment.cost, {
        kind: "REFUND",
        orderId: shipment.orderId,
        shipmentId,
        reference: entryReference.labelVoided(shipment.voidReason === "requested" ? "requested" : "order_moved"),
        actorName: ctx.actor.name,
      });
    }
    await tx.orderEvent.create({
      data: {
        storeId: ctx.storeId,
        orderId: shipment.orderId,
        ...orderEvent("label.voided", {
          carrier: shipment.carrier,
          trackingNumber: shipment.trackingNumber,
          refunded: shipment.cost,
          reason: shipment.voidReason,
        }),
        ...actorFields(ctx.actor),
      },
    });
    if (shipment.voidReason === "requested" && order?.status === "SHIPPED") {
      await transitionOrderInTx(tx, ctx, shipment.orderId, { to: "in_progress", notifyCustomer: false }, { via: "void_label" });
      if (await customerWasToldAbout(tx, ctx.storeId, shipment.orderId, shipment.createdAt)) {
        await queueCustomerMessage(tx, {
          storeId: ctx.storeId,
          orderId: shipment.orderId,
          event: "order.label_voided",
          vars: { status: "in_progress", note: "", tracking_url: "" },
        });
      }
    }
    return toLabelDto(shipment);
  });
}

/** The carrier would not cancel (it has the parcel): the label stands as it was, and the timeline says why. */
async function recordVoidRefused(ctx: StoreContext, shipmentId: string, reason: string): Promise<LabelDto> {
  return db.$transaction(async (tx) => {
    const { moved, shipment } = await moveShipment(tx, ctx.storeId, shipmentId, "VOIDING", () => ({ status: "CREATED", voidReason: null }));
    if (moved) {
      await tx.orderEvent.create({
        data: {
          storeId: ctx.storeId,
          orderId: shipment.orderId,
          ...orderEvent("label.void_refused", { carrier: shipment.carrier, reason }),
          actorType: "CARRIER",
          actorId: shipment.carrier,
          actorName: CARRIERS[shipment.carrier as CarrierId].name,
        },
      });
    }
    return toLabelDto(shipment);
  });
}

/** Whether the customer was sent this label's tracking link (then a void is followed by a correction). */
async function customerWasToldAbout(tx: Tx, storeId: string, orderId: string, since: Date): Promise<boolean> {
  const told = await tx.orderEvent.findFirst({
    where: {
      storeId,
      orderId,
      type: "order.status_changed",
      createdAt: { gte: since },
      AND: [{ data: { path: ["to"], equals: "shipped" } }, { data: { path: ["notifyCustomer"], equals: true } }],
    },
    select: { id: true },
  });
  return !!told;
}
