"use server";

import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { setCustomerBlocked } from "@/server/customers/block-customer";
import { blockCustomerInput } from "@/server/customers/schemas";
import { customerPreferencesInput, setCustomerPreferences } from "@/server/customers/customer-preferences";

export const blockCustomerAction = storeAction(
  { input: blockCustomerInput.extend({ customerId: z.uuid() }), permission: "customers.block", revalidate: "store" },
  async (input, ctx) => {
    await setCustomerBlocked(ctx, input.customerId, { reason: input.reason });
    return null;
  },
);

export const unblockCustomerAction = storeAction(
  { input: z.object({ customerId: z.uuid() }), permission: "customers.block", revalidate: "store" },
  async (input, ctx) => {
    await setCustomerBlocked(ctx, input.customerId, null);
    return null;
  },
);

export const setCustomerPreferenceAction = storeAction(
  { input: customerPreferencesInput.extend({ customerId: z.uuid() }), permission: "customers.update", revalidate: "store" },
  async ({ customerId, ...input }, ctx) => {
    await setCustomerPreferences(ctx, customerId, input);
    return null;
  },
);
