"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { deleteTag, updateTag } from "@/server/tags/manage-tags";
import { updateTagInput } from "@/server/tags/schemas";

const update = storeAction({ input: updateTagInput, permission: "settings.manage" }, async (input, ctx) => {
  await updateTag(ctx, input);
  return null;
});
const remove = storeAction({ input: z.object({ tagId: z.uuid() }), permission: "settings.manage" }, (input, ctx) => deleteTag(ctx, input.tagId));

export async function updateTagAction(storeSlug: string, input: z.input<typeof updateTagInput>) {
  const result = await update(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}

export async function deleteTagAction(storeSlug: string, input: { tagId: string }) {
  const result = await remove(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}
