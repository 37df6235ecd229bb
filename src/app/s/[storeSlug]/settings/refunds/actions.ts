"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/server/actions/action-client";
import { refundSettingsInput, saveRefundSettings } from "@/server/orders/refund-settings";

const save = storeAction({ input: refundSettingsInput, permission: "settings.manage" }, (input, ctx) => saveRefundSettings(ctx, input));

export async function saveRefundSettingsAction(storeSlug: string, input: { staffRefundLimit: number }) {
  const result = await save(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}
