"use server";

import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { rotateWebhookSecret, smsSettingsInput, updateSmsSettings } from "@/server/notifications/sms-settings";

const sms = (storeSlug: string) => `/s/${storeSlug}/settings/sms`;

export const saveSmsSettings = storeAction({ input: smsSettingsInput, permission: "settings.manage", revalidate: sms }, (input, ctx) =>
  updateSmsSettings(ctx, input),
);

export const rotateSmsWebhookSecret = storeAction({ input: z.object({}), permission: "settings.manage", revalidate: sms }, (_input, ctx) =>
  rotateWebhookSecret(ctx),
);
