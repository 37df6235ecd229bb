import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, notFound } from "@/server/errors/app-error";

/**
 * Revoked tokens stop working at once; another store's token id is simply not found. Nobody revokes a
 * token that holds more power than they do: an admin cannot cut off the owner's integrations.
 */
export async function revokeApiToken(ctx: StoreContext, tokenId: string) {
  const mine = ctx.role === "OWNER" ? {} : { role: { not: "OWNER" as const } };
  const { count } = await db.apiToken.updateMany({
    where: { storeId: ctx.storeId, id: tokenId, revokedAt: null, ...mine },
    data: { revokedAt: new Date() },
  });
  if (count === 1) return;
  const token = await db.apiToken.findFirst({ where: { storeId: ctx.storeId, id: tokenId, revokedAt: null }, select: { role: true } });
  if (token)
    throw new AppError("FORBIDDEN", "Only the owner can revoke an owner's API token.", { details: { reason: "owner_token" }, say: { key: "ownerToken" } });
  throw notFound("API token");
}
