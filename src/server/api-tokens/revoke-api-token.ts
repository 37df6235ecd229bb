import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { notFound } from "@/server/errors/app-error";

/** Revoked tokens stop working at once; another store's token id is simply not found. */
export async function revokeApiToken(ctx: StoreContext, tokenId: string) {
  const { count } = await db.apiToken.updateMany({
    where: { storeId: ctx.storeId, id: tokenId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("API token");
}
