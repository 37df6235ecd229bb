import type { Tx } from "@/server/db/client";
import type { Prisma } from "@/generated/prisma/client";
import type { ShipmentStatus } from "@/generated/prisma/enums";
import { systemContext } from "@/server/auth/context";
import { lockOrder, type LockedOrder } from "@/server/orders/lock-order";

/**
 * One step of a label's life (created, failed, voided, void refused), as every step takes it: the order's
 * row lock first (the lock issuing and voiding take, so steps of one order never interleave), then the
 * shipment moves only if it is still `from`. `moved` is false when another request settled it first; the
 * shipment is returned as it now is either way.
 */
export async function moveShipment(
  tx: Tx,
  storeId: string,
  shipmentId: string,
  from: ShipmentStatus,
  data: (order: LockedOrder | null) => Prisma.ShipmentUpdateManyMutationInput,
) {
  const where = { storeId_id: { storeId, id: shipmentId } };
  const { orderId } = await tx.shipment.findUniqueOrThrow({ where, select: { orderId: true } });
  const order = await lockOrder(tx, systemContext(storeId), orderId);
  const { count } = await tx.shipment.updateMany({ where: { storeId, id: shipmentId, status: from }, data: data(order) });
  const shipment = await tx.shipment.findUniqueOrThrow({ where });
  return { moved: count === 1, shipment, order };
}
