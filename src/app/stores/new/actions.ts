"use server";

import { userFormAction } from "@/server/actions/action-client";
import { createStore, createStoreInput } from "@/server/accounts/create-store";

/** Open a store: its owner lands on its first steps. */
export const createStoreAction = userFormAction(
  { input: createStoreInput, redirectTo: (store: { slug: string }) => `/s/${store.slug}` },
  async (input, session) => createStore(session.userId, input),
);
