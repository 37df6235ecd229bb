"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { assignOrder } from "@/server/orders/assign-order";
import { addOrderComment, commentBody, deleteOrderComment, editOrderComment } from "@/server/orders/comments";

const add = storeAction({ input: z.object({ orderId: z.uuid(), body: commentBody }), permission: "orders.read" }, (i, ctx) =>
  addOrderComment(ctx, i.orderId, i.body),
);
const edit = storeAction({ input: z.object({ commentId: z.uuid(), body: commentBody }), permission: "orders.read" }, (i, ctx) =>
  editOrderComment(ctx, i.commentId, i.body),
);
const remove = storeAction({ input: z.object({ commentId: z.uuid() }), permission: "orders.read" }, async (i, ctx) => {
  await deleteOrderComment(ctx, i.commentId);
  return null;
});
const assign = storeAction({ input: z.object({ orderId: z.uuid(), userId: z.uuid().nullable() }), permission: "orders.update" }, async (i, ctx) => {
  await assignOrder(ctx, i.orderId, i.userId);
  return null;
});

const done = <T>(storeSlug: string, result: T) => {
  revalidatePath(`/s/${storeSlug}/orders`, "layout");
  return result;
};

export async function addCommentAction(storeSlug: string, input: { orderId: string; body: string }) {
  return done(storeSlug, await add(storeSlug, input));
}
export async function editCommentAction(storeSlug: string, input: { commentId: string; body: string }) {
  return done(storeSlug, await edit(storeSlug, input));
}
export async function deleteCommentAction(storeSlug: string, input: { commentId: string }) {
  return done(storeSlug, await remove(storeSlug, input));
}
export async function assignOrderAction(storeSlug: string, input: { orderId: string; userId: string | null }) {
  return done(storeSlug, await assign(storeSlug, input));
}
