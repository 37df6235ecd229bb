"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { addTagsInput, tagName } from "@/server/tags/schemas";
import { addTagsToOrders, removeTagFromOrders } from "@/server/tags/tag-orders";

const orderIds = z.array(z.uuid()).min(1).max(50);
const add = storeAction({ input: addTagsInput.extend({ orderIds }), permission: "orders.update" }, (input, ctx) =>
  addTagsToOrders(ctx, input.orderIds, input.tags),
);
const remove = storeAction({ input: z.object({ orderIds, tag: tagName }), permission: "orders.update" }, (input, ctx) =>
  removeTagFromOrders(ctx, input.orderIds, input.tag),
);

export async function addOrderTags(storeSlug: string, input: { orderIds: string[]; tags: string[] }) {
  const result = await add(storeSlug, input);
  revalidatePath(`/s/${storeSlug}/orders`, "layout");
  return result;
}

export async function removeOrderTag(storeSlug: string, input: { orderIds: string[]; tag: string }) {
  const result = await remove(storeSlug, input);
  revalidatePath(`/s/${storeSlug}/orders`, "layout");
  return result;
}
