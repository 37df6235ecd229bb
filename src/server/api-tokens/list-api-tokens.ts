import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";

export type ApiTokenDto = { id: string; name: string; role: string; prefix: string; lastUsedAt: string | null; createdAt: string };

export async function listApiTokens(ctx: StoreContext): Promise<ApiTokenDto[]> {
  const rows = await db.apiToken.findMany({
    where: { storeId: ctx.storeId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, role: true, prefix: true, lastUsedAt: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, lastUsedAt: r.lastUsedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() }));
}
