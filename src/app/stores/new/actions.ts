"use server";

import { z } from "zod";
import { userFormAction } from "@/server/actions/action-client";
import { createStore, createStoreInput } from "@/server/accounts/create-store";
import { resendVerificationEmail } from "@/server/accounts/verify-and-reset";
import { readerLocale } from "@/i18n/reader-locale";

/** Open a store: its owner lands on its first steps. */
export const createStoreAction = userFormAction(
  { input: createStoreInput, redirectTo: (store: { slug: string }) => `/s/${store.slug}` },
  async (input, session) => createStore(session.userId, input),
);

/** A fresh link to confirm the address, for a user whose first one expired or never came. */
export const resendVerificationAction = userFormAction({ input: z.object({}).strict() }, async (_input, session) =>
  resendVerificationEmail(session.userId, await readerLocale()),
);
