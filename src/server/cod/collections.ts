// The cash a carrier owes the store: one expected collection per delivered carrier parcel with cash to
// collect, written in the transaction that learns of the delivery (the carrier's webhook, or a person
// marking the order delivered), and the carrier's word that it took the cash.
import type { Tx } from "@/server/db/client";
import { uuidv7 } from "@/server/ids";
import { orderEvent } from "@/server/orders/order-events";
import { CARRIERS, isCarrierId } from "@/server/shipping/carriers";

/**
 * Expects the cash of a delivered carrier parcel: its amount to collect, carrier, tracking number and the
 * time of delivery. Once per shipment (a unique key decides); a prepaid parcel, a manual courier's or a
 * voided label expects nothing. Returns whether this call wrote it.
 */
export async function expectCollectionInTx(tx: Tx, storeId: string, shipmentId: string, deliveredAt: Date): Promise<boolean> {
  const written = await tx.$executeRaw`
    INSERT INTO cod_collections ("storeId", id, "orderId", "shipmentId", carrier, "trackingNumber", amount, currency, "deliveredAt", outstanding)
    SELECT s."storeId", ${uuidv7()}::uuid, s."orderId", s.id, s.carrier, s."trackingNumber", s."codAmount", s.currency,
           coalesce(s."deliveredAt", ${deliveredAt}), s."codAmount"
    FROM shipments s
    WHERE s."storeId" = ${storeId}::uuid AND s.id = ${shipmentId}::uuid AND s.kind = 'CARRIER' AND s."codAmount" > 0
      AND s.carrier IS NOT NULL AND s."trackingNumber" IS NOT NULL AND s."voidedAt" IS NULL AND s.status NOT IN ('FAILED', 'VOIDED', 'VOIDING')
    ON CONFLICT ("storeId", "shipmentId") DO NOTHING`;
  return written === 1;
}

/** The order's live carrier label, when a person marks the order delivered: its cash is expected too. */
export async function expectOrderCollectionInTx(tx: Tx, storeId: string, orderId: string, deliveredAt: Date): Promise<void> {
  const shipment = await tx.shipment.findFirst({
    where: { storeId, orderId, kind: "CARRIER", voidedAt: null, status: { notIn: ["FAILED", "VOIDED", "VOIDING"] } },
    select: { id: true },
    orderBy: { createdAt: "desc" },
  });
  if (shipment) await expectCollectionInTx(tx, storeId, shipment.id, deliveredAt);
}

export type CollectedResult = "applied" | "duplicate" | "deferred";

/**
 * The carrier says it took the cash at the door: recorded once (a conditional update), on the order's
 * timeline. Before its delivery is known there is nothing to mark: "deferred", the carrier sends it again.
 */
export async function recordCodCollectedInTx(
  tx: Tx,
  shipment: { storeId: string; id: string; orderId: string; carrier: string; trackingNumber: string },
  amount: number | undefined,
  at: Date,
): Promise<CollectedResult> {
  const collection = await tx.codCollection.findUnique({
    where: { storeId_shipmentId: { storeId: shipment.storeId, shipmentId: shipment.id } },
    select: { id: true, amount: true, currency: true },
  });
  if (!collection) return "deferred";
  const collectedAmount = amount ?? collection.amount;
  const { count } = await tx.codCollection.updateMany({
    where: { storeId: shipment.storeId, id: collection.id, collectedAt: null },
    data: { collectedAt: at, collectedAmount },
  });
  if (!count) return "duplicate";
  const name = isCarrierId(shipment.carrier) ? CARRIERS[shipment.carrier].name : shipment.carrier;
  await tx.orderEvent.create({
    data: {
      storeId: shipment.storeId,
      orderId: shipment.orderId,
      ...orderEvent("cod.collected", { amount: collectedAmount, currency: collection.currency, trackingNumber: shipment.trackingNumber }),
      actorType: "CARRIER",
      actorId: shipment.carrier,
      actorName: name,
    },
  });
  return "applied";
}
