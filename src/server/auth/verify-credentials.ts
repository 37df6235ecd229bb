import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { verifyPassword } from "./password";
import { decideSignIn, SIGN_IN_WINDOW_MS } from "./sign-in-throttle";
import { isKnownDevice } from "./known-device";

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$J2QnTIRXdKq8I6bhCg1kTz2d5vI0hE0W1R3Ih6jdGhs";

export type SignedInUser = { id: string; email: string; name: string };

/**
 * Checks a password against the sign-in throttle (sign-in-throttle.ts): throws RATE_LIMITED, with how long
 * to wait and why, when this try must not happen now. Every try is recorded; a right one clears the
 * account's failures.
 */
export async function checkPasswordThrottled(email: string, userId: string | null, passwordHash: string | null, password: string, address: string, deviceCookie: string | null): Promise<boolean> {
  const knownDevice = userId ? await isKnownDevice(deviceCookie, userId) : false;
  // One try per account at a time, decided under a lock (on every app server): twenty guesses sent at once
  // are not all counted against the count before any of them. A try that finds another in progress is
  // told to wait at once — it never queues, so a burst cannot tie up the database's connections.
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ got: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended(${`sign-in:${email}`}, 0)) AS got`;
      if (!lock.got) {
        throw new AppError("RATE_LIMITED", "Another sign-in for this account is being checked. Wait a second and try again.", { details: { reason: "slow_down", retryAfterSeconds: 1 } });
      }
      const now = new Date();
      const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
      const pair = await tx.signInAttempt.findMany({ where: { email, ip: address, succeeded: false, createdAt: { gte: since } }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
      const account = await tx.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } });
      const perAddress = await tx.signInAttempt.count({ where: { ip: address, succeeded: false, createdAt: { gte: since } } });
      const decision = decideSignIn({ pair: { failures: pair.length, lastFailureAt: pair[0]?.createdAt ?? null }, account, address: perAddress, knownDevice }, now);
      if (!decision.allowed) {
        throw new AppError("RATE_LIMITED", decision.reason === "slow_down" ? `Too many wrong passwords. Wait ${decision.retryAfterSeconds} s and try again.` : "Too many wrong passwords for this account. Sign in from a browser you have used before, or try again later.", {
          details: { reason: decision.reason, retryAfterSeconds: decision.retryAfterSeconds },
        });
      }
      const ok = await verifyPassword(passwordHash ?? DUMMY_HASH, password);
      if (ok && userId) await tx.signInAttempt.deleteMany({ where: { email, succeeded: false } });
      await tx.signInAttempt.create({ data: { email, ip: address, succeeded: ok && !!userId } });
      return ok && !!userId;
    },
    { timeout: 30_000 },
  );
}

/** Email + password → the user, or null. Throws RATE_LIMITED while this try must wait (see above). */
export async function verifyCredentials(rawEmail: string, password: string, address: string, deviceCookie: string | null = null): Promise<SignedInUser | null> {
  const email = rawEmail.trim().toLowerCase();
  // Nothing that could not be an address (or be stored: NUL) reaches the database; it is just wrong.
  if (email.length > 320 || password.length > 1000 || /[\u0000-\u001f]/.test(email) || password.includes("\u0000")) return null;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = await checkPasswordThrottled(email, user?.id ?? null, user?.passwordHash ?? null, password, address, deviceCookie);
  return ok && user ? { id: user.id, email: user.email, name: user.name } : null;
}
