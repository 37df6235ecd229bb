import "server-only";
import { z } from "zod";
import { db } from "@/server/db/client";
import { AppError, issue } from "@/server/errors/app-error";
import { publicUrl } from "@/server/http/public-url";
import { hashPassword } from "@/server/auth/password";
import { queueEmail } from "@/server/email/emails";
import type { Locale } from "@/i18n/locales";
import { TOKEN_TTL_MS, consumeEmailToken, createEmailToken } from "./email-tokens";
import { emailField, mayEmail, tooManyEmails, type newPasswordInput } from "./sign-up";

type SignedUpUser = { id: string; name: string; email: string };

const linkRefused = () =>
  new AppError("VALIDATION_FAILED", "This link has expired or was already used.", { say: { key: "linkExpired" }, fields: { token: issue("linkExpired") } });

/** The link from the sign-up email, used once: the address is confirmed and the user may sign in with it. */
export async function verifyEmail(token: string): Promise<SignedUpUser> {
  const user = await db.$transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, token, "VERIFY_EMAIL");
    if (!userId) return null;
    return tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() }, select: { id: true, name: true, email: true } });
  });
  if (!user) throw linkRefused();
  return user;
}

export const passwordResetRequestInput = z.object({ email: emailField }).strict();

/**
 * "Forgot password": a link by email if the address has an account, and the same answer either way. At
 * most a few emails an hour go to one address.
 */
export async function requestPasswordReset(input: z.output<typeof passwordResetRequestInput>, locale: Locale): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, locale: true } });
    if (!user || !(await mayEmail(tx, input.email))) return;
    const token = await createEmailToken(tx, user.id, "RESET_PASSWORD");
    await queueEmail(
      tx,
      input.email,
      { kind: "resetPassword", name: user.name, link: `${publicUrl()}/reset-password?token=${token}`, minutes: TOKEN_TTL_MS.RESET_PASSWORD / 60_000 },
      (user.locale as Locale | null) ?? locale,
    );
  });
}

/**
 * The link from the reset email, used once, with the new password: every browser signed in as the user is
 * signed out, the address counts as confirmed (the link reached it), the account's failed sign-ins are
 * forgotten, and an email says the password changed.
 */
export async function resetPassword(input: z.output<typeof newPasswordInput>, locale: Locale): Promise<SignedUpUser> {
  const passwordHash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, input.token, "RESET_PASSWORD");
    if (!userId) return null;
    const now = new Date();
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } });
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, emailVerifiedAt: before.emailVerifiedAt ?? now },
      select: { id: true, name: true, email: true, locale: true },
    });
    await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await tx.signInAttempt.deleteMany({ where: { email: user.email, succeeded: false } });
    // Other reset links of this account stop working too.
    await tx.emailToken.updateMany({ where: { userId, purpose: "RESET_PASSWORD", usedAt: null }, data: { usedAt: now } });
    if (await mayEmail(tx, user.email))
      await queueEmail(
        tx,
        user.email,
        { kind: "passwordChanged", name: user.name, resetLink: `${publicUrl()}/forgot-password` },
        (user.locale as Locale | null) ?? locale,
      );
    return { id: user.id, name: user.name, email: user.email };
  });
  if (!user) throw linkRefused();
  return user;
}

/**
 * "Send the link again" for a signed-in user whose address is not confirmed yet (the first link expired
 * or went astray): a fresh link, the older ones stop working, within the same few emails an hour to
 * one address. An address already confirmed gets nothing and is told so.
 */
export async function resendVerificationEmail(userId: string, locale: Locale, now = new Date()): Promise<{ email: string; alreadyConfirmed: boolean }> {
  return db.$transaction(async (tx) => {
    // Under the user's row lock: two presses at once make one link, not two.
    const [user] = await tx.$queryRaw<{ email: string; name: string; locale: string | null; emailVerifiedAt: Date | null }[]>`
      SELECT email, name, locale, "emailVerifiedAt" FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    if (user.emailVerifiedAt) return { email: user.email, alreadyConfirmed: true };
    if (!(await mayEmail(tx, user.email, now))) throw tooManyEmails();
    await tx.emailToken.updateMany({ where: { userId, purpose: "VERIFY_EMAIL", usedAt: null }, data: { usedAt: now } });
    const token = await createEmailToken(tx, userId, "VERIFY_EMAIL", now);
    await queueEmail(
      tx,
      user.email,
      { kind: "verifyEmail", name: user.name, link: `${publicUrl()}/verify-email?token=${token}`, hours: TOKEN_TTL_MS.VERIFY_EMAIL / 3_600_000 },
      (user.locale as Locale | null) ?? locale,
    );
    return { email: user.email, alreadyConfirmed: false };
  });
}

/** Whose address a signed-in user has and whether it is confirmed (the new-store page asks first). */
export async function emailStatus(userId: string): Promise<{ email: string; confirmed: boolean } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
  return user && { email: user.email, confirmed: !!user.emailVerifiedAt };
}
