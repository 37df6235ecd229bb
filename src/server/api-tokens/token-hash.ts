import { createHash, randomBytes } from "node:crypto";
import { uuidBytes } from "@/lib/customer-token";

/** Tokens are random, so a fast hash is enough: nobody can guess their way back to one. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** `tj_` and 24 random bytes followed by the store's id: the token finds its store without a lookup across stores. */
export function generateApiToken(storeId: string): string {
  return `tj_${Buffer.concat([randomBytes(24), uuidBytes(storeId)]).toString("base64url")}`;
}

/** Shown in lists so a merchant can tell tokens apart without ever seeing one again. */
export function tokenPrefix(token: string): string {
  return `${token.slice(0, 10)}…`;
}
