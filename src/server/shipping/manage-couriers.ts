import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { notFound } from "@/server/errors/app-error";

export type CourierDto = { id: string; name: string; phone: string | null };

/** The store's own couriers (no labels, no tracking), by name. */
export async function listCouriers(ctx: StoreContext): Promise<CourierDto[]> {
  return db.manualCourier.findMany({
    where: { storeId: ctx.storeId, archivedAt: null },
    select: { id: true, name: true, phone: true },
    orderBy: { name: "asc" },
  });
}

export async function createCourier(ctx: StoreContext, input: { name: string; phone: string | null }): Promise<CourierDto> {
  return db.manualCourier.create({ data: { storeId: ctx.storeId, ...input }, select: { id: true, name: true, phone: true } });
}

export async function updateCourier(ctx: StoreContext, courierId: string, input: { name: string; phone: string | null }): Promise<void> {
  const { count } = await db.manualCourier.updateMany({ where: { storeId: ctx.storeId, id: courierId, archivedAt: null }, data: input });
  if (!count) throw notFound("Courier");
}

/** Removes a courier from the pickers; orders it carried keep its name on their shipments. */
export async function archiveCourier(ctx: StoreContext, courierId: string): Promise<void> {
  const { count } = await db.manualCourier.updateMany({ where: { storeId: ctx.storeId, id: courierId, archivedAt: null }, data: { archivedAt: new Date() } });
  if (!count) throw notFound("Courier");
}
