"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { setCustomerBlocked } from "@/server/customers/block-customer";
import { blockCustomerInput } from "@/server/customers/schemas";
import { customerLanguageInput, setCustomerLanguage } from "@/server/customers/customer-language";

const block = storeAction({ input: blockCustomerInput.extend({ customerId: z.uuid() }), permission: "customers.block" }, async (input, ctx) => {
  await setCustomerBlocked(ctx, input.customerId, { reason: input.reason });
  return null;
});
const unblock = storeAction({ input: z.object({ customerId: z.uuid() }), permission: "customers.block" }, async (input, ctx) => {
  await setCustomerBlocked(ctx, input.customerId, null);
  return null;
});

export async function blockCustomerAction(storeSlug: string, input: { customerId: string; reason: string }) {
  const result = await block(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}

export async function unblockCustomerAction(storeSlug: string, input: { customerId: string }) {
  const result = await unblock(storeSlug, input);
  revalidatePath(`/s/${storeSlug}`, "layout");
  return result;
}

const language = storeAction(
  { input: customerLanguageInput.extend({ customerId: z.uuid() }), permission: "customers.update" },
  async ({ customerId, ...input }, ctx) => {
    await setCustomerLanguage(ctx, customerId, input);
    return null;
  },
);

export async function setCustomerLanguageAction(storeSlug: string, input: { customerId: string; locale: "ar" | "en" | null }) {
  const result = await language(storeSlug, input);
  // Only a change that was made names a page to refresh (and only then is the input known to be sound).
  if (result.ok) revalidatePath(`/s/${storeSlug}/customers/${input.customerId}`);
  return result;
}
