"use server";

import { storeAction } from "@/server/actions/action-client";
import { createApiToken } from "@/server/api-tokens/create-api-token";
import { revokeApiToken } from "@/server/api-tokens/revoke-api-token";
import { createApiTokenInput, revokeApiTokenInput } from "@/server/api-tokens/schemas";

const tokens = (storeSlug: string) => `/s/${storeSlug}/settings/api-tokens`;

export const createApiTokenAction = storeAction({ input: createApiTokenInput, permission: "apiTokens.manage", revalidate: tokens }, (input, ctx) =>
  createApiToken(ctx, input),
);

export const revokeApiTokenAction = storeAction({ input: revokeApiTokenInput, permission: "apiTokens.manage", revalidate: tokens }, async (input, ctx) => {
  await revokeApiToken(ctx, input.tokenId);
  return null;
});
