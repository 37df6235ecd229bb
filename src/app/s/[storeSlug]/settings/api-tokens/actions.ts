"use server";

import { revalidatePath } from "next/cache";
import { storeAction } from "@/server/actions/action-client";
import { createApiToken } from "@/server/api-tokens/create-api-token";
import { revokeApiToken } from "@/server/api-tokens/revoke-api-token";
import { createApiTokenInput, revokeApiTokenInput } from "@/server/api-tokens/schemas";

const createToken = storeAction({ input: createApiTokenInput, permission: "apiTokens.manage" }, (input, ctx) => createApiToken(ctx, input));
const revokeToken = storeAction({ input: revokeApiTokenInput, permission: "apiTokens.manage" }, async (input, ctx) => {
  await revokeApiToken(ctx, input.tokenId);
  return null;
});

export async function createApiTokenAction(storeSlug: string, input: { name: string; role: "ADMIN" | "STAFF" }) {
  const result = await createToken(storeSlug, input);
  if (result.ok) revalidatePath(`/s/${storeSlug}/settings/api-tokens`);
  return result;
}

export async function revokeApiTokenAction(storeSlug: string, input: { tokenId: string }) {
  const result = await revokeToken(storeSlug, input);
  if (result.ok) revalidatePath(`/s/${storeSlug}/settings/api-tokens`);
  return result;
}
