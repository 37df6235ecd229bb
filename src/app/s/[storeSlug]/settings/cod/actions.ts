"use server";

import { storeAction } from "@/server/actions/action-client";
import { riskSettingsSchema } from "@/server/customers/risk-settings";
import { saveRiskSettings } from "@/server/customers/manage-risk-settings";

export const saveRiskSettingsAction = storeAction({ input: riskSettingsSchema, permission: "settings.manage", revalidate: "store" }, async (input, ctx) => {
  await saveRiskSettings(ctx, input);
  return null;
});
