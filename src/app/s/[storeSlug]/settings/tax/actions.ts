"use server";

import { storeAction } from "@/server/actions/action-client";
import { saveTaxProfile, taxProfileInput } from "@/server/tax/tax-profile";

export const saveTaxProfileAction = storeAction({ input: taxProfileInput, permission: "settings.manage", revalidate: "store" }, (input, ctx) =>
  saveTaxProfile(ctx, input),
);
