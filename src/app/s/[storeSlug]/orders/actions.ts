"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { bulkTransitionOrders } from "@/server/orders/bulk-transition-orders";
import { ORDER_STATUSES } from "@/server/orders/order-status";

const bulkMove = storeAction(
  {
    input: z.object({ orderIds: z.array(z.uuid()).min(1).max(50), to: z.enum(ORDER_STATUSES), notifyCustomer: z.boolean().optional() }),
    permission: "orders.update",
  },
  (input, ctx) => bulkTransitionOrders(ctx, input.orderIds, input),
);

/** Bulk Order Actions from the list; the page sends the selection in small batches to show progress. */
export async function bulkMoveOrders(storeSlug: string, input: { orderIds: string[]; to: string; notifyCustomer?: boolean }) {
  const result = await bulkMove(storeSlug, input as never);
  revalidatePath(`/s/${storeSlug}/orders`, "layout");
  return result;
}
