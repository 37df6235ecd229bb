import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "@/server/db/client";

export type EmailTokenPurpose = "VERIFY_EMAIL" | "RESET_PASSWORD";
export const TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = { VERIFY_EMAIL: 24 * 3_600_000, RESET_PASSWORD: 30 * 60_000 };

/** What is kept of a link's secret: its SHA-256. */
export const secretHash = (token: string) => createHash("sha256").update(token).digest("hex");
/** A new link's secret: 256 random bits. */
export const newSecret = () => randomBytes(32).toString("base64url");
const hashOf = secretHash;

/** A new link's secret (256 random bits); only its hash is stored. */
export async function createEmailToken(tx: Tx, userId: string, purpose: EmailTokenPurpose, now = new Date()): Promise<string> {
  const token = newSecret();
  await tx.emailToken.create({ data: { userId, purpose, tokenHash: hashOf(token), expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]) } });
  return token;
}

/**
 * Uses a link once: one conditional update takes it if it is this purpose's, unused and unexpired — of
 * two uses at once, one gets the user and the other nothing. The user's id, or null for any other link.
 */
export async function consumeEmailToken(tx: Tx | typeof db, token: string, purpose: EmailTokenPurpose, now = new Date()): Promise<string | null> {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return null;
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    UPDATE email_tokens SET "usedAt" = ${now}
    WHERE "tokenHash" = ${hashOf(token)} AND purpose = ${purpose}::"EmailTokenPurpose" AND "usedAt" IS NULL AND "expiresAt" > ${now}
    RETURNING "userId"`;
  return rows[0]?.userId ?? null;
}

/** Whether a link is still good, without using it (the page that asks for the new password shows it first). */
export async function emailTokenUsable(token: string, purpose: EmailTokenPurpose, now = new Date()): Promise<boolean> {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return false;
  return !!(await db.emailToken.findFirst({ where: { tokenHash: hashOf(token), purpose, usedAt: null, expiresAt: { gt: now } }, select: { id: true } }));
}
