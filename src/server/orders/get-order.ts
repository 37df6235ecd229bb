import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { notFound } from "@/server/errors/app-error";
import { toOrderDto, type OrderDto } from "./order-dto";
import { selectOrderRow, visibleOrdersSql } from "./order-queries";
import { isUuid } from "@/server/ids";

/** An order of this store; any other id, including another store's order, is "not found". */
export async function getOrder(ctx: StoreContext, unverifiedOrderId: string): Promise<OrderDto> {
  if (!isUuid(unverifiedOrderId)) throw notFound("Order");
  const row = await selectOrderRow(db, ctx.storeId, visibleOrdersSql(ctx), unverifiedOrderId);
  if (!row) throw notFound("Order");
  return toOrderDto(row);
}
