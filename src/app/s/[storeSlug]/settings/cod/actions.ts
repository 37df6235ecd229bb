"use server";

import { storeAction } from "@/server/actions/action-client";
import { riskSettingsSchema } from "@/server/customers/risk-settings";
import { saveRiskSettings } from "@/server/customers/manage-risk-settings";
import { confirmationSettingsSchema, saveConfirmationSettings } from "@/server/orders/cod-confirmation";
import { z } from "zod";
import { CARRIER_IDS } from "@/server/shipping/carriers";
import { statementColumnsOfCarrier } from "@/server/cod/statement-columns";
import { saveStatementColumns } from "@/server/cod/statement-settings";
import { codTermsSchema } from "@/server/orders/cod-terms";
import { saveCodTerms } from "@/server/orders/manage-cod-terms";

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

export const saveStatementColumnsAction = storeAction(
  { input: z.object({ carrier: z.enum(CARRIER_IDS), columns: statementColumnsOfCarrier }), permission: "settings.manage", revalidate: "store" },
  async ({ carrier, columns }, ctx) => {
    await saveStatementColumns(ctx, carrier, columns);
    return null;
  },
);

export const saveCodTermsAction = storeAction({ input: codTermsSchema, permission: "settings.manage", revalidate: "store" }, async (input, ctx) => {
  await saveCodTerms(ctx, input);
  return null;
});
