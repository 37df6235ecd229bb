"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { adminsMayTopUpInput, lowBalanceInput, setAdminsMayTopUp, setLowBalanceThreshold } from "@/server/wallet/wallet";
import { paymentProvider } from "@/server/wallet/payment-provider";
import { confirmTopUp, startTopUp, startTopUpInput } from "@/server/wallet/top-ups";

// The role check is in the use case: admins may top up when the owner allows it.
const start = storeAction({ input: startTopUpInput, permission: "wallet.read" }, async (input, ctx) => startTopUp(ctx, input, await paymentProvider()));
const confirm = storeAction({ input: z.strictObject({ topUpId: z.uuid() }), permission: "wallet.read" }, async (input, ctx) =>
  confirmTopUp(ctx, input.topUpId, await paymentProvider()),
);
const adminsTopUp = storeAction({ input: adminsMayTopUpInput, permission: "wallet.topUp" }, (input, ctx) => setAdminsMayTopUp(ctx, input));

export async function setAdminsMayTopUpAction(storeSlug: string, input: { adminsMayTopUp: boolean }) {
  const result = await adminsTopUp(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}

/** Starts a top-up: the answer carries the payment provider's checkout page, where the owner pays. */
export async function startTopUpAction(storeSlug: string, input: { amount: number }) {
  return start(storeSlug, input);
}

/** Asks the provider whether a pending top-up is paid (on coming back from its page, or by "Check again"). */
export async function confirmTopUpAction(storeSlug: string, input: { topUpId: string }) {
  const result = await confirm(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}

const threshold = storeAction({ input: lowBalanceInput, permission: "settings.manage" }, (input, ctx) => setLowBalanceThreshold(ctx, input));

export async function setLowBalanceThresholdAction(storeSlug: string, input: { lowBalanceThreshold: number }) {
  const result = await threshold(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}
