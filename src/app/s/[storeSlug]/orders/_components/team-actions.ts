"use server";

import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { assignOrder } from "@/server/orders/assign-order";
import { addOrderComment, commentBody, deleteOrderComment, editOrderComment } from "@/server/orders/comments";

export const addCommentAction = storeAction(
  { input: z.object({ orderId: z.uuid(), body: commentBody }), permission: "orders.read", revalidate: "store" },
  (i, ctx) => addOrderComment(ctx, i.orderId, i.body),
);

export const editCommentAction = storeAction(
  { input: z.object({ commentId: z.uuid(), body: commentBody }), permission: "orders.read", revalidate: "store" },
  (i, ctx) => editOrderComment(ctx, i.commentId, i.body),
);

export const deleteCommentAction = storeAction({ input: z.object({ commentId: z.uuid() }), permission: "orders.read", revalidate: "store" }, async (i, ctx) => {
  await deleteOrderComment(ctx, i.commentId);
  return null;
});

export const assignOrderAction = storeAction(
  { input: z.object({ orderId: z.uuid(), userId: z.uuid().nullable() }), permission: "orders.update", revalidate: "store" },
  async (i, ctx) => {
    await assignOrder(ctx, i.orderId, i.userId);
    return null;
  },
);
