import { db, type Tx } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { notFound } from "@/server/errors/app-error";
import { actorFields, orderEvent } from "@/server/orders/order-events";
import { normalizeTagName } from "./schemas";
import { visibleOrders } from "@/server/orders/order-scope";
import { isUuid } from "@/server/ids";

/** Finds the store's tags by name, creating the missing ones. */
async function ensureTags(tx: Tx, storeId: string, names: string[]) {
  await tx.tag.createMany({ data: names.map((name) => ({ storeId, name })), skipDuplicates: true });
  // By name: the timeline lists added tags in this order, the same on every database.
  return tx.tag.findMany({ where: { storeId, name: { in: names } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/**
 * Adds tags to orders (tags are created on the fly) and records it on each order's timeline. Orders of
 * another store, or that do not exist, are "not found" and nothing is written.
 */
export async function addTagsToOrders(ctx: StoreContext, unverifiedOrderIds: string[], names: string[]) {
  return db.$transaction(async (tx) => {
    const orderIds = await existingOrderIds(tx, ctx, unverifiedOrderIds);
    const tags = await ensureTags(tx, ctx.storeId, [...new Set(names.map(normalizeTagName))].filter(Boolean));
    for (const orderId of orderIds) {
      const before = await tx.orderTag.findMany({ where: { storeId: ctx.storeId, orderId }, select: { tagId: true } });
      const added = tags.filter((t) => !before.some((b) => b.tagId === t.id));
      if (!added.length) continue;
      await tx.orderTag.createMany({ data: added.map((t) => ({ storeId: ctx.storeId, orderId, tagId: t.id })), skipDuplicates: true });
      await tx.orderEvent.create({
        data: {
          storeId: ctx.storeId,
          orderId,
          ...orderEvent("order.tags_changed", { added: added.map((t) => t.name), removed: [] }),
          ...actorFields(ctx.actor),
        },
      });
    }
    return tags.map((t) => t.name).sort();
  });
}

export async function removeTagFromOrders(ctx: StoreContext, unverifiedOrderIds: string[], name: string) {
  return db.$transaction(async (tx) => {
    const orderIds = await existingOrderIds(tx, ctx, unverifiedOrderIds);
    const tag = await tx.tag.findUnique({ where: { storeId_name: { storeId: ctx.storeId, name: normalizeTagName(name) } } });
    if (!tag) throw notFound("Tag");
    for (const orderId of orderIds) {
      const { count } = await tx.orderTag.deleteMany({ where: { storeId: ctx.storeId, orderId, tagId: tag.id } });
      if (count)
        await tx.orderEvent.create({
          data: { storeId: ctx.storeId, orderId, ...orderEvent("order.tags_changed", { added: [], removed: [tag.name] }), ...actorFields(ctx.actor) },
        });
    }
  });
}

async function existingOrderIds(tx: Tx, ctx: StoreContext, unverified: string[]) {
  const ids = [...new Set(unverified)];
  if (ids.some((id) => !isUuid(id))) throw notFound("Order");
  const found = await tx.order.findMany({ where: { ...visibleOrders(ctx), id: { in: ids } }, select: { id: true } });
  if (found.length !== ids.length) throw notFound("Order");
  return ids;
}
