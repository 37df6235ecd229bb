import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError } from "@/server/errors/app-error";
import type { CreateApiTokenInput } from "./schemas";
import { generateApiToken, hashApiToken, tokenPrefix } from "./token-hash";

/** Creates a token and returns it in plain text: the only time anyone sees it. */
export async function createApiToken(ctx: StoreContext, input: CreateApiTokenInput) {
  // Nobody hands out more power than they hold.
  if (ctx.role === "STAFF" || (ctx.role === "ADMIN" && input.role !== "STAFF" && input.role !== "ADMIN")) {
    throw new AppError("FORBIDDEN", "You cannot create a token with this role.", { say: { key: "tokenRole" } });
  }
  const token = generateApiToken(ctx.storeId);
  const row = await db.apiToken.create({
    data: {
      storeId: ctx.storeId,
      name: input.name,
      role: input.role,
      tokenHash: hashApiToken(token),
      prefix: tokenPrefix(token),
      createdById: ctx.actor.type === "USER" ? ctx.actor.id : null,
    },
    select: { id: true, name: true, role: true, prefix: true, createdAt: true },
  });
  return { ...row, createdAt: row.createdAt.toISOString(), token };
}
