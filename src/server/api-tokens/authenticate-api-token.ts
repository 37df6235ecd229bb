import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError } from "@/server/errors/app-error";
import type { Role } from "@/server/auth/permissions";
import { hashApiToken } from "./token-hash";
import { storeOfApiToken } from "@/lib/customer-token";

const LAST_USED_RESOLUTION_MS = 60_000;

/** `Authorization: Bearer tj_…` → the store and role the token acts for. */
export async function authenticateApiToken(authorization: string | null): Promise<StoreContext> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token) throw new AppError("UNAUTHENTICATED", "Send an API token as `Authorization: Bearer <token>`.");
  // A token names its store (one shard); one made before tokens did is found by its hash alone.
  const storeId = storeOfApiToken(token);
  const row = await db.apiToken.findFirst({
    where: storeId ? { storeId, tokenHash: hashApiToken(token) } : { tokenHash: hashApiToken(token) },
    select: { storeId: true, id: true, name: true, role: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) throw new AppError("UNAUTHENTICATED", "This API token is not valid or was revoked.");
  // Written at most once a minute per token, so a busy integration does not write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { storeId_id: { storeId: row.storeId, id: row.id } }, data: { lastUsedAt: new Date() } });
  }
  return { storeId: row.storeId, role: row.role as Role, actor: { type: "API_TOKEN", id: row.id, name: row.name } };
}
