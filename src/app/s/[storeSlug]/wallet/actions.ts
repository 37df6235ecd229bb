"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/server/actions/action-client";
import { adminsMayTopUpInput, lowBalanceInput, setAdminsMayTopUp, setLowBalanceThreshold, topUpInput, topUpWallet } from "@/server/wallet/wallet";

// The role check is in the use case: admins may top up when the owner allows it.
const topUp = storeAction({ input: topUpInput, permission: "wallet.read" }, (input, ctx) => topUpWallet(ctx, input));
const adminsTopUp = storeAction({ input: adminsMayTopUpInput, permission: "wallet.topUp" }, (input, ctx) => setAdminsMayTopUp(ctx, input));

export async function setAdminsMayTopUpAction(storeSlug: string, input: { adminsMayTopUp: boolean }) {
  const result = await adminsTopUp(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}

export async function topUpAction(storeSlug: string, input: { amount: number; reference: string }) {
  const result = await topUp(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}

const threshold = storeAction({ input: lowBalanceInput, permission: "settings.manage" }, (input, ctx) => setLowBalanceThreshold(ctx, input));

export async function setLowBalanceThresholdAction(storeSlug: string, input: { lowBalanceThreshold: number }) {
  const result = await threshold(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}
