import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { notFound } from "@/server/errors/app-error";
import { orderDtoInclude, toOrderDto, type OrderDto } from "./order-dto";
import { visibleOrders } from "./order-scope";
import { isUuid } from "@/server/ids";


/** An order of this store; any other id, including another store's order, is "not found". */
export async function getOrder(ctx: StoreContext, unverifiedOrderId: string): Promise<OrderDto> {
  if (!isUuid(unverifiedOrderId)) throw notFound("Order");
  const row = await db.order.findFirst({ where: { ...visibleOrders(ctx), id: unverifiedOrderId }, include: orderDtoInclude });
  if (!row) throw notFound("Order");
  return toOrderDto(row);
}
