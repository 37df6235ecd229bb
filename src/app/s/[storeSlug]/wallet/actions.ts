"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/server/actions/action-client";
import { topUpInput, topUpWallet } from "@/server/wallet/wallet";

const topUp = storeAction({ input: topUpInput, permission: "wallet.topUp" }, (input, ctx) => topUpWallet(ctx, input));

export async function topUpAction(storeSlug: string, input: { amount: number; reference: string }) {
  const result = await topUp(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}
