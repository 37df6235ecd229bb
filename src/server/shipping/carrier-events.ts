import { z } from "zod";
import { orderEvent } from "@/server/orders/order-events";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { isAppError } from "@/server/errors/app-error";
import { orderStatusFromDb, type OrderStatus } from "@/server/orders/order-status";
import { isAllowedByTable } from "@/server/orders/order-transitions";
import { transitionOrderInTx } from "@/server/orders/transition-order";
import type { ShipmentStatus } from "@/generated/prisma/enums";
import { CARRIERS, type CarrierId } from "./carriers";
import { expectCollectionInTx, recordCodCollectedInTx } from "@/server/cod/collections";

export const carrierEventInput = z.object({
  trackingNumber: z.string().min(1).max(40),
  status: z.enum(["picked_up", "in_transit", "out_for_delivery", "delivered", "returned_to_sender", "cod_collected"]),
  /** With cod_collected: the cash the driver took, in minor units. */
  amount: z.number().int().min(0).max(1_000_000_000).optional(),
  occurredAt: z.iso.datetime().optional(),
});
export type CarrierEvent = z.output<typeof carrierEventInput>;

const SHIPMENT_STATUS: Record<Exclude<CarrierEvent["status"], "cod_collected">, ShipmentStatus> = {
  picked_up: "PICKED_UP",
  in_transit: "IN_TRANSIT",
  out_for_delivery: "OUT_FOR_DELIVERY",
  delivered: "DELIVERED",
  returned_to_sender: "RETURNED",
};
// A shipment only moves forward: a late "out for delivery" never undoes "delivered".
const RANK: Partial<Record<ShipmentStatus, number>> = { CREATED: 0, PICKED_UP: 1, IN_TRANSIT: 2, OUT_FOR_DELIVERY: 3, DELIVERED: 4, RETURNED: 4 };
const ORDER_STATUS: Partial<Record<CarrierEvent["status"], OrderStatus>> = {
  out_for_delivery: "out_for_delivery",
  delivered: "delivered",
  returned_to_sender: "returned",
};
// How far along its delivery an order is. A carrier moves an order only forward from where it is, and
// only while it is on the road (shipped or out for delivery): what staff did after that stands.
const ORDER_RANK: Partial<Record<OrderStatus, number>> = { shipped: 0, out_for_delivery: 1, delivered: 2, returned: 2 };

/** Whether a carrier's news may move an order that is `from` to `to`. Pure. */
export function carrierMayMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  if (from !== "shipped" && from !== "out_for_delivery") return false;
  return (ORDER_RANK[to] ?? -1) > (ORDER_RANK[from] ?? 99) && isAllowedByTable(from, to);
}

export type CarrierEventResult = "applied" | "duplicate" | "unknown" | "deferred";

/**
 * A carrier's status update for one of its tracking numbers. Duplicates and out-of-order events change
 * nothing; a newer one moves the shipment, writes the timeline (the carrier as actor) and, when the
 * store lets carriers update status, moves the order (with the usual customer SMS).
 */
export async function applyCarrierEvent(carrier: CarrierId, event: CarrierEvent): Promise<CarrierEventResult> {
  return db.$transaction(async (tx) => {
    const shipment = await tx.shipment.findFirst({ where: { carrier, trackingNumber: event.trackingNumber, voidedAt: null } });
    if (!shipment) return "unknown";
    // A void is being settled with this carrier: its answer decides first; the carrier sends this again.
    if (shipment.status === "VOIDING") return "deferred";
    // Cash taken at the door is news about the money, not the parcel: the collection records it once.
    if (event.status === "cod_collected") {
      const at = new Date(Math.min(Date.now(), event.occurredAt ? Date.parse(event.occurredAt) : Date.now()));
      return recordCodCollectedInTx(tx, { ...shipment, carrier, trackingNumber: event.trackingNumber }, event.amount, at);
    }
    const next = SHIPMENT_STATUS[event.status];
    const current = RANK[shipment.status] ?? -1;
    if ((RANK[next] ?? -1) <= current) return "duplicate";
    // When it was delivered: the carrier's own time, if it gives one that is possible (after the label, not ahead of now).
    const deliveredAt =
      next === "DELIVERED"
        ? new Date(Math.min(Date.now(), Math.max(shipment.createdAt.getTime(), event.occurredAt ? Date.parse(event.occurredAt) : Date.now())))
        : undefined;
    const { count } = await tx.shipment.updateMany({
      where: { storeId: shipment.storeId, id: shipment.id, status: shipment.status },
      data: { status: next, ...(deliveredAt ? { deliveredAt } : {}) },
    });
    if (!count) return "duplicate";
    // A delivered parcel with cash to collect: the store now expects that cash from the carrier.
    if (deliveredAt) await expectCollectionInTx(tx, shipment.storeId, shipment.id, deliveredAt);
    const actor = { type: "CARRIER" as const, id: carrier, name: CARRIERS[carrier].name };
    await tx.orderEvent.create({
      data: {
        storeId: shipment.storeId,
        orderId: shipment.orderId,
        ...orderEvent("shipment.updated", { status: event.status, trackingNumber: event.trackingNumber }),
        actorType: "CARRIER",
        actorId: carrier,
        actorName: actor.name,
      },
    });
    const target = ORDER_STATUS[event.status];
    const [store, order] = await Promise.all([
      tx.store.findUniqueOrThrow({ where: { id: shipment.storeId }, select: { carriersUpdateStatus: true } }),
      tx.order.findUniqueOrThrow({ where: { storeId_id: { storeId: shipment.storeId, id: shipment.orderId } }, select: { status: true } }),
    ]);
    if (target && store.carriersUpdateStatus && carrierMayMoveOrder(orderStatusFromDb(order.status), target)) {
      const ctx: StoreContext = { storeId: shipment.storeId, role: "OWNER", actor };
      try {
        await transitionOrderInTx(tx, ctx, shipment.orderId, { to: target, notifyCustomer: true });
      } catch (error) {
        if (!isAppError(error)) throw error;
      }
    }
    return "applied";
  });
}
