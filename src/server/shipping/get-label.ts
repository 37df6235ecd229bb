import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { visibleOrders } from "@/server/orders/order-scope";
import { CARRIERS, type CarrierId } from "./carriers";
import { renderLabelsPdf, type LabelData } from "./label-pdf";

/** The label of a shipment of this store; labels are private, so anything else is "not found". */
async function labelData(ctx: StoreContext, shipmentIds: string[]): Promise<LabelData[]> {
  if (!shipmentIds.length || shipmentIds.some((id) => !isUuid(id))) throw notFound("Label");
  const shipments = await db.shipment.findMany({
    where: {
      storeId: ctx.storeId,
      id: { in: shipmentIds },
      kind: "CARRIER",
      trackingNumber: { not: null },
      status: { notIn: ["PENDING", "FAILED", "VOIDED"] },
      order: visibleOrders(ctx),
    },
    include: { order: true },
  });
  if (shipments.length !== new Set(shipmentIds).size) throw notFound("Label");
  const [store, branches] = await Promise.all([
    db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { name: true } }),
    db.branch.findMany({ where: { storeId: ctx.storeId, id: { in: shipments.map((s) => s.branchId).filter((b): b is string => !!b) } } }),
  ]);
  const order = new Map(shipmentIds.map((id, i) => [id, i]));
  return shipments
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((s) => {
      const branch = branches.find((b) => b.id === s.branchId);
      return {
        carrierName: CARRIERS[s.carrier as CarrierId].name,
        handover: (s.handover ?? "dropoff") as "pickup" | "dropoff",
        trackingNumber: s.trackingNumber!,
        orderNumber: s.order.number,
        from: { name: store.name, branch: branch?.name ?? "", address: branch?.address ?? "", city: branch?.city ?? "", phone: branch?.phone ?? "" },
        to: {
          name: s.order.shippingName,
          phone: s.order.shippingPhone,
          address: s.order.shippingAddress,
          district: s.order.shippingDistrict,
          city: s.order.shippingCity,
          postalCode: s.order.shippingPostalCode,
        },
        actualGrams: s.actualGrams ?? 0,
        chargeableGrams: s.chargeableGrams ?? 0,
        pieces: Array.isArray(s.packages) ? s.packages.length : 1,
        codAmount: s.codAmount,
        currency: s.currency,
        date: s.createdAt,
      };
    });
}

/** One label, or several merged into one PDF (a page each). */
export async function labelsPdf(ctx: StoreContext, shipmentIds: string[]): Promise<Buffer> {
  return renderLabelsPdf(await labelData(ctx, shipmentIds));
}

export function pdfResponse(pdf: Buffer, filename: string) {
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${filename}"`, "Cache-Control": "private, no-store" },
  });
}

/** The printable labels of these orders (their current carrier shipment), and the orders that have none. */
export async function labelsForOrders(ctx: StoreContext, orderIds: string[]): Promise<{ shipmentIds: string[]; withoutLabel: number[] }> {
  const ids = orderIds.filter(isUuid);
  const orders = await db.order.findMany({
    where: { AND: [{ storeId: ctx.storeId, id: { in: ids } }, visibleOrders(ctx)] },
    select: {
      id: true,
      number: true,
      shipments: {
        where: { kind: "CARRIER", trackingNumber: { not: null }, voidedAt: null, status: { notIn: ["PENDING", "FAILED", "VOIDED"] } },
        select: { id: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
  });
  const byId = new Map(orders.map((o) => [o.id, o]));
  const shipmentIds: string[] = [];
  const withoutLabel: number[] = [];
  for (const id of ids) {
    const order = byId.get(id);
    if (!order) continue;
    if (order.shipments[0]) shipmentIds.push(order.shipments[0].id);
    else withoutLabel.push(order.number);
  }
  return { shipmentIds, withoutLabel };
}
