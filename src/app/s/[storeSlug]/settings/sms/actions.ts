"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { rotateWebhookSecret, smsSettingsInput, updateSmsSettings } from "@/server/notifications/sms-settings";

const save = storeAction({ input: smsSettingsInput, permission: "settings.manage" }, (input, ctx) => updateSmsSettings(ctx, input));
const rotate = storeAction({ input: z.object({}), permission: "settings.manage" }, (_input, ctx) => rotateWebhookSecret(ctx));

export async function saveSmsSettings(storeSlug: string, input: z.input<typeof smsSettingsInput>) {
  const result = await save(storeSlug, input);
  if (result.ok) revalidatePath(`/s/${storeSlug}/settings/sms`);
  return result;
}

export async function rotateSmsWebhookSecret(storeSlug: string) {
  const result = await rotate(storeSlug, {});
  if (result.ok) revalidatePath(`/s/${storeSlug}/settings/sms`);
  return result;
}
