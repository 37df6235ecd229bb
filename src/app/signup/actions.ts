"use server";

import { publicFormAction } from "@/server/actions/action-client";
import { signUp, signUpInput } from "@/server/accounts/sign-up";
import { readerLocale } from "@/i18n/reader-locale";

/** Sign up: the same answer whether or not the address has an account — a link, or a note, goes to the inbox. */
export const signUpAction = publicFormAction({ input: signUpInput }, async (input) => {
  await signUp(input, await readerLocale());
  return { sentTo: input.email };
});
