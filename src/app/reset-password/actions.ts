"use server";

import { publicFormAction } from "@/server/actions/action-client";
import { resetPassword } from "@/server/accounts/verify-and-reset";
import { newPasswordInput } from "@/server/accounts/sign-up";
import { startSession } from "@/server/auth/password-sign-in";
import { readerLocale } from "@/i18n/reader-locale";

/** The new password, with the emailed link: set, every other browser signed out, and this one signed in. */
export const resetPasswordAction = publicFormAction({ input: newPasswordInput, redirectTo: (landing: string) => landing }, async (input) =>
  startSession(await resetPassword(input, await readerLocale())),
);
