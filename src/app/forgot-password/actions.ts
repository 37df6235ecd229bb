"use server";

import { publicFormAction } from "@/server/actions/action-client";
import { passwordResetRequestInput, requestPasswordReset } from "@/server/accounts/verify-and-reset";
import { readerLocale } from "@/i18n/reader-locale";

/** A reset link by email if the address has an account; the same answer either way. */
export const requestPasswordResetAction = publicFormAction({ input: passwordResetRequestInput }, async (input) => {
  await requestPasswordReset(input, await readerLocale());
  return { sentTo: input.email };
});
