"use server";

import { renderError } from "@/server/errors/words";
import { readerLocale } from "@/i18n/reader-locale";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { bulkTransitionOrders } from "@/server/orders/bulk-transition-orders";
import { ORDER_STATUSES } from "@/server/orders/order-status";
import { createOrderView, deleteOrderView, orderViewInput } from "@/server/orders/order-views";
import { requestOrdersExport } from "@/server/orders/export-jobs";

/** Bulk Order Actions from the list; the page sends the selection in small batches to show progress. */
export const bulkMoveOrders = storeAction(
  {
    input: z.object({ orderIds: z.array(z.uuid()).min(1).max(50), to: z.enum(ORDER_STATUSES), notifyCustomer: z.boolean().optional() }),
    permission: "orders.update",
    revalidate: "store",
  },
  async (input, ctx) => {
    const result = await bulkTransitionOrders(ctx, input.orderIds, input);
    // Each refusal in the reader's words, as every other answer of an action.
    const locale = await readerLocale();
    return { ...result, refused: result.refused.map((r) => ({ ...r, message: locale === "en" && !r.say ? r.message : renderError(r, locale).message })) };
  },
);

// Saved views of the list: anyone who reads orders keeps their own; owners and admins share them (the use case decides).
export const saveOrderViewAction = storeAction({ input: orderViewInput, permission: "orders.read", revalidate: (slug) => `/s/${slug}/orders` }, (input, ctx) =>
  createOrderView(ctx, input),
);

export const deleteOrderViewAction = storeAction(
  { input: z.strictObject({ viewId: z.uuid() }), permission: "orders.read", revalidate: (slug) => `/s/${slug}/orders` },
  async (input, ctx) => {
    await deleteOrderView(ctx, input.viewId);
    return null;
  },
);

/** An export of the list's filter prepared by the worker; the page then shows it under "Your exports". */
export const requestOrdersExportAction = storeAction(
  { input: z.strictObject({ query: z.record(z.string().max(40), z.string().max(1000)) }), permission: "orders.read" },
  async (input, ctx) => requestOrdersExport(ctx, input.query, await readerLocale()),
);
