"use server";

import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { adminsMayTopUpInput, lowBalanceInput, setAdminsMayTopUp, setLowBalanceThreshold } from "@/server/wallet/wallet";
import { paymentProvider } from "@/server/wallet/payment-provider";
import { confirmTopUp, startTopUp, startTopUpInput } from "@/server/wallet/top-ups";

export const setAdminsMayTopUpAction = storeAction({ input: adminsMayTopUpInput, permission: "wallet.topUp", revalidate: "store" }, (input, ctx) =>
  setAdminsMayTopUp(ctx, input),
);

/** Starts a top-up: the answer carries the payment provider's checkout page, where the owner pays. (The role check is in the use case: admins may top up when the owner allows it.) */
export const startTopUpAction = storeAction({ input: startTopUpInput, permission: "wallet.read" }, async (input, ctx) =>
  startTopUp(ctx, input, await paymentProvider()),
);

/** Asks the provider whether a pending top-up is paid (on coming back from its page, or by "Check again"). */
export const confirmTopUpAction = storeAction(
  { input: z.strictObject({ topUpId: z.uuid() }), permission: "wallet.read", revalidate: "store" },
  async (input, ctx) => confirmTopUp(ctx, input.topUpId, await paymentProvider()),
);

export const setLowBalanceThresholdAction = storeAction({ input: lowBalanceInput, permission: "settings.manage", revalidate: "store" }, (input, ctx) =>
  setLowBalanceThreshold(ctx, input),
);
