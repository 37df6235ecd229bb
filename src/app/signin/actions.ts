"use server";

import { publicFormAction } from "@/server/actions/action-client";
import { passwordSignIn, passwordSignInInput } from "@/server/auth/password-sign-in";

/** Email and password → signed in, and where to go: one request, with or without the page's scripts. */
export const signInAction = publicFormAction(
  { input: passwordSignInInput, redirectTo: (data: { landing: string; enhanced: boolean }) => (data.enhanced ? null : data.landing) },
  async (input) => ({ ...(await passwordSignIn(input)), enhanced: input.enhanced === "1" }),
);
