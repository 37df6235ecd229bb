"use server";

import { storeAction } from "@/server/actions/action-client";
import { riskSettingsSchema } from "@/server/customers/risk-settings";
import { saveRiskSettings } from "@/server/customers/manage-risk-settings";
import { confirmationSettingsSchema, saveConfirmationSettings } from "@/server/orders/cod-confirmation";

export const saveRiskSettingsAction = storeAction({ input: riskSettingsSchema, permission: "settings.manage", revalidate: "store" }, async (input, ctx) => {
  await saveRiskSettings(ctx, input);
  return null;
});

export const saveConfirmationSettingsAction = storeAction(
  { input: confirmationSettingsSchema, permission: "settings.manage", revalidate: "store" },
  async (input, ctx) => {
    await saveConfirmationSettings(ctx, input);
    return null;
  },
);
