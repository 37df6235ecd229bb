import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/server/db/client";
import { rule } from "@/server/http/validation";
import { AppError } from "@/server/errors/app-error";
import { publicUrl } from "@/server/http/public-url";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { hashPassword } from "@/server/auth/password";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/change-password";
import { queueEmail } from "@/server/email/emails";
import type { Locale } from "@/i18n/locales";
import { TOKEN_TTL_MS, createEmailToken } from "./email-tokens";

/** A new password's rule (sign-up, a new password, joining a team with a new account). */
export const password = z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200, "must be at most 200 characters");
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "must be at most 320 characters")
  .email(rule("format", { format: "email" }));

export const signUpInput = z
  .object({
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    email: emailField,
    password,
    confirmPassword: z.string().max(200, "must be at most 200 characters"),
  })
  .strict()
  .refine((v) => v.confirmPassword === v.password, { path: ["confirmPassword"], message: rule("passwordsDiffer") });

export const newPasswordInput = z
  .object({ token: z.string().max(100), password, confirmPassword: z.string().max(200, "must be at most 200 characters") })
  .strict()
  .refine((v) => v.confirmPassword === v.password, { path: ["confirmPassword"], message: rule("passwordsDiffer") });

// At most this many emails to one address an hour: signing up with someone else's address, or asking for
// reset links, cannot be turned into a way to flood their inbox.
const EMAILS_PER_ADDRESS_PER_HOUR = 3;

/** The refusal when the hourly limit of emails to one address is reached. */
export const tooManyEmails = () =>
  new AppError("RATE_LIMITED", "Several emails went to this address in the last hour. Try again later.", { say: { key: "tooManyEmails" } });

/** Whether one more email may go to this address now; decided under a lock on the address, so parallel requests count one after another. */
export async function mayEmail(tx: Tx, to: string, now = new Date()): Promise<boolean> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`email:${to}`}, 0))`;
  const recent = await tx.emailMessage.count({ where: { to, createdAt: { gt: new Date(now.getTime() - 3_600_000) } } });
  return recent < EMAILS_PER_ADDRESS_PER_HOUR;
}

/**
 * Taken before an account is made for an address: two at once for one address then meet at this lock, and the
 * second finds the first's account (its unique violation) instead of both writing the address at once. On a
 * cluster, where users is copied to every node, two such writes can otherwise meet as a distributed deadlock.
 */
export async function lockAddress(tx: Tx, email: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`account:${email}`}, 0))`;
}

const links = () => ({ signInLink: `${publicUrl()}/signin`, resetLink: `${publicUrl()}/forgot-password` });

/**
 * Sign-up says the same whether or not the address has an account ("check your inbox"), and takes the
 * same slow hash either way: a new address gets a link to confirm it (which signs in), an address with an
 * account gets an email saying so. Of two sign-ups with one address at once, the unique index keeps one.
 */
export async function signUp(input: z.output<typeof signUpInput>, locale: Locale): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const registered = async () =>
    db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { email: input.email }, select: { name: true, locale: true } });
      if (user && (await mayEmail(tx, input.email)))
        await queueEmail(tx, input.email, { kind: "alreadyRegistered", name: user.name, ...links() }, (user.locale as Locale | null) ?? locale);
    });
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) return registered();
  try {
    await db.$transaction(async (tx) => {
      await lockAddress(tx, input.email);
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, locale }, select: { id: true } });
      const token = await createEmailToken(tx, user.id, "VERIFY_EMAIL");
      if (await mayEmail(tx, input.email))
        await queueEmail(
          tx,
          input.email,
          { kind: "verifyEmail", name: input.name, link: `${publicUrl()}/verify-email?token=${token}`, hours: TOKEN_TTL_MS.VERIFY_EMAIL / 3_600_000 },
          locale,
        );
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) return registered();
    throw error;
  }
}
