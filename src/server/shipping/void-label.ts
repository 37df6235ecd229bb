import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { actorFields } from "@/server/orders/order-events";
import { visibleOrders } from "@/server/orders/order-scope";
import { transitionOrderInTx } from "@/server/orders/transition-order";
import { creditWallet } from "@/server/wallet/ledger";
import { CarrierError, type CarrierAdapter } from "./carrier-adapter";
import type { CarrierId } from "./carriers";

/**
 * Voids a label before the carrier has the parcel: the carrier cancels, the wallet gets the price back
 * and the order returns to in progress, in one transaction after the carrier agreed. After pickup the
 * carrier refuses, and so do we.
 */
export async function voidLabel(ctx: StoreContext, unverifiedShipmentId: string, deps: { adapters: Record<CarrierId, CarrierAdapter> }) {
  if (!isUuid(unverifiedShipmentId)) throw notFound("Shipment");
  const shipment = await db.shipment.findFirst({ where: { storeId: ctx.storeId, id: unverifiedShipmentId, kind: "CARRIER", order: visibleOrders(ctx) } });
  if (!shipment) throw notFound("Shipment");
  if (shipment.status !== "CREATED" || !shipment.trackingNumber) {
    throw new AppError("CONFLICT", shipment.status === "VOIDED" ? "This label was already voided." : "The carrier already has the parcel: the label can no longer be voided.");
  }
  try {
    await deps.adapters[shipment.carrier as CarrierId].cancelShipment(shipment.trackingNumber);
  } catch (error) {
    if (error instanceof CarrierError) throw new AppError("CONFLICT", error.message);
    throw error;
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.shipment.updateMany({ where: { storeId: ctx.storeId, id: shipment.id, status: "CREATED" }, data: { status: "VOIDED", voidedAt: new Date() } });
    if (!count) throw new AppError("CONFLICT", "This label changed meanwhile; reload the order.");
    await creditWallet(tx, ctx.storeId, shipment.cost, { kind: "REFUND", orderId: shipment.orderId, shipmentId: shipment.id, reference: "Label voided", actorName: ctx.actor.name });
    await tx.orderEvent.create({ data: { storeId: ctx.storeId, orderId: shipment.orderId, type: "label.voided", ...actorFields(ctx.actor), data: { carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, refunded: shipment.cost } } });
    await transitionOrderInTx(tx, ctx, shipment.orderId, { to: "in_progress", notifyCustomer: false }, { via: "void_label" });
  });
}
