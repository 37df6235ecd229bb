"use server";

import { z } from "zod";
import { publicFormAction } from "@/server/actions/action-client";
import { verifyEmail } from "@/server/accounts/verify-and-reset";
import { startSession } from "@/server/auth/password-sign-in";

/**
 * The sign-up link, confirmed by a press on its page (not by opening it: mail scanners open links): the
 * address is confirmed and this browser signed in, on to opening a store.
 */
export const verifyEmailAction = publicFormAction(
  { input: z.object({ token: z.string().max(100) }).strict(), redirectTo: (landing: string) => landing },
  async (input) => startSession(await verifyEmail(input.token)),
);
