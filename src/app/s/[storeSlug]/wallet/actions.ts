"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/server/actions/action-client";
import { lowBalanceInput, setLowBalanceThreshold, topUpInput, topUpWallet } from "@/server/wallet/wallet";

const topUp = storeAction({ input: topUpInput, permission: "wallet.topUp" }, (input, ctx) => topUpWallet(ctx, input));

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
