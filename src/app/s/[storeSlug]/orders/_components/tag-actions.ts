"use server";

import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { addTagsInput, tagName } from "@/server/tags/schemas";
import { addTagsToOrders, removeTagFromOrders } from "@/server/tags/tag-orders";

const orderIds = z.array(z.uuid()).min(1).max(50);

export const addOrderTags = storeAction({ input: addTagsInput.extend({ orderIds }), permission: "orders.update", revalidate: "store" }, (input, ctx) =>
  addTagsToOrders(ctx, input.orderIds, input.tags),
);

export const removeOrderTag = storeAction({ input: z.object({ orderIds, tag: tagName }), permission: "orders.update", revalidate: "store" }, (input, ctx) =>
  removeTagFromOrders(ctx, input.orderIds, input.tag),
);
