"use server";

import { storeAction } from "@/server/actions/action-client";
import { refundSettingsInput, saveRefundSettings } from "@/server/orders/refund-settings";

export const saveRefundSettingsAction = storeAction({ input: refundSettingsInput, permission: "settings.manage", revalidate: "store" }, (input, ctx) =>
  saveRefundSettings(ctx, input),
);
