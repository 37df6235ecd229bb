"use server";

import { revalidatePath } from "next/cache";
import { renderError } from "@/server/errors/words";
import { readerLocale } from "@/i18n/reader-locale";
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
  if (!result.ok) return result;
  // Each refusal in the reader's words, as every other answer of an action.
  const locale = await readerLocale();
  return {
    ...result,
    data: {
      ...result.data,
      refused: result.data.refused.map((r) => ({ ...r, message: locale === "en" && !r.say ? r.message : renderError(r, locale).message })),
    },
  };
}
