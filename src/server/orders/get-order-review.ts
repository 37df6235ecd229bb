import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { computeAvailability, type OrderAvailability } from "./availability";
import { getOrder } from "./get-order";
import { loadStock } from "./load-stock";
import type { OrderDto } from "./order-dto";

export type OrderEventDto = {
  id: string;
  type: string;
  actor: { type: string; name: string | null };
  data: Record<string, unknown>;
  createdAt: string;
};

export type OrderReview = {
  order: OrderDto;
  customer: { email: string | null; city: string | null; previousOrders: number };
  branches: { id: string; name: string; city: string; isDefault: boolean }[];
  shipFrom: { id: string; name: string; city: string; address: string } | null;
  availability: OrderAvailability;
  events: OrderEventDto[];
};

/** Everything the merchant reviews on a received order: customer, payment, shipping, stock, timeline. */
export async function getOrderReview(ctx: StoreContext, unverifiedOrderId: string): Promise<OrderReview> {
  const order = await getOrder(ctx, unverifiedOrderId);
  const { storeId } = ctx;
  const [customer, previousOrders, branches, items, events] = await Promise.all([
    db.customer.findUnique({ where: { storeId_id: { storeId, id: order.customer.id } }, select: { email: true, city: true } }),
    db.order.count({ where: { storeId, customerId: order.customer.id, placedAt: { lt: new Date(order.placedAt) } } }),
    db.branch.findMany({
      where: { storeId, archivedAt: null },
      select: { id: true, name: true, city: true, address: true, isDefault: true },
      orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    }),
    db.orderItem.findMany({ where: { storeId, orderId: order.id }, select: { id: true, variantId: true, quantity: true } }),
    db.orderEvent.findMany({ where: { storeId, orderId: order.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 }),
  ]);
  const stock = await loadStock(db, storeId, items.map((i) => i.variantId));
  const availability = computeAvailability(
    items.map((i) => ({ lineId: i.id, variantId: i.variantId, quantity: i.quantity })),
    branches,
    stock,
  );
  const shipFrom = branches.find((b) => b.id === order.shipping.branchId) ?? null;
  return {
    order,
    customer: { email: customer?.email ?? order.customer.email, city: customer?.city ?? null, previousOrders },
    branches: branches.map(({ id, name, city, isDefault }) => ({ id, name, city, isDefault })),
    shipFrom: shipFrom && { id: shipFrom.id, name: shipFrom.name, city: shipFrom.city, address: shipFrom.address },
    availability,
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      actor: { type: e.actorType, name: e.actorName },
      data: (e.data ?? {}) as Record<string, unknown>,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}
