import { createHash, randomBytes } from "node:crypto";

/** Tokens are random, so a fast hash is enough: nobody can guess their way back to one. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function generateApiToken(): string {
  return `tj_${randomBytes(24).toString("base64url")}`;
}

/** Shown in lists so a merchant can tell tokens apart without ever seeing one again. */
export function tokenPrefix(token: string): string {
  return `${token.slice(0, 10)}…`;
}
