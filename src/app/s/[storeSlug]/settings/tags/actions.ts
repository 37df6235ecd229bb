"use server";

import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { deleteTag, updateTag } from "@/server/tags/manage-tags";
import { updateTagInput } from "@/server/tags/schemas";

export const updateTagAction = storeAction({ input: updateTagInput, permission: "settings.manage", revalidate: "store" }, async (input, ctx) => {
  await updateTag(ctx, input);
  return null;
});

export const deleteTagAction = storeAction({ input: z.object({ tagId: z.uuid() }), permission: "settings.manage", revalidate: "store" }, (input, ctx) =>
  deleteTag(ctx, input.tagId),
);
