import "server-only";
import { db, type Tx } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { verifyPassword } from "./password";
import { decideSignIn, SIGN_IN_WINDOW_MS } from "./sign-in-throttle";
import { isKnownDevice } from "./known-device";

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$J2QnTIRXdKq8I6bhCg1kTz2d5vI0hE0W1R3Ih6jdGhs";

/** One account's sign-in tries are decided one at a time, on every app server. */
const lockAccount = (tx: Tx, email: string) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:${email}`}, 0))`;

export type SignedInUser = { id: string; email: string; name: string };

/**
 * Checks a password against the sign-in throttle (sign-in-throttle.ts): throws RATE_LIMITED, with how long
 * to wait and why, when this try must not happen now. Every try is recorded; a right one clears the
 * account's failures.
 *
 * The decision and the try's record are made together under a per-account lock (on every app server),
 * and the try is recorded as a failure before the password is compared: twenty guesses sent at once
 * are counted one after another, never all against the count before any of them. The lock is held for
 * those few statements only, not for the (deliberately slow) password hash, so the owner signing in on
 * two devices at the same moment waits milliseconds, not "too many wrong passwords".
 */
export async function checkPasswordThrottled(
  email: string,
  userId: string | null,
  passwordHash: string | null,
  password: string,
  address: string,
  deviceCookie: string | null,
): Promise<boolean> {
  const knownDevice = userId ? await isKnownDevice(deviceCookie, userId) : false;
  const attempt = await db.$transaction(async (tx) => {
    await lockAccount(tx, email);
    const now = new Date();
    const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
    const pair = await tx.signInAttempt.findMany({
      where: { email, ip: address, succeeded: false, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const account = await tx.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } });
    const perAddress = await tx.signInAttempt.count({ where: { ip: address, succeeded: false, createdAt: { gte: since } } });
    const decision = decideSignIn(
      { pair: { failures: pair.length, lastFailureAt: pair[0]?.createdAt ?? null }, account, address: perAddress, knownDevice },
      now,
    );
    if (!decision.allowed) {
      throw new AppError(
        "RATE_LIMITED",
        decision.reason === "slow_down"
          ? `Too many wrong passwords. Wait ${decision.retryAfterSeconds} s and try again.`
          : "Too many wrong passwords for this account. Sign in from a browser you have used before, or try again later.",
        {
          details: { reason: decision.reason, retryAfterSeconds: decision.retryAfterSeconds },
          say: decision.reason === "slow_down" ? { key: "slowDown", params: { seconds: decision.retryAfterSeconds } } : { key: "accountLocked" },
        },
      );
    }
    // Counted as a failure until the password is known to be right.
    return tx.signInAttempt.create({ data: { email, ip: address, succeeded: false, createdAt: now }, select: { id: true } });
  });
  const ok = (await verifyPassword(passwordHash ?? DUMMY_HASH, password)) && !!userId;
  if (ok) {
    // Right: the account's failures are cleared, and this try becomes a success (or is recorded as
    // one, if a success on another device cleared it a moment ago) — under the same lock.
    await db.$transaction(async (tx) => {
      await lockAccount(tx, email);
      await tx.signInAttempt.deleteMany({ where: { email, succeeded: false, id: { not: attempt.id } } });
      const { count } = await tx.signInAttempt.updateMany({ where: { id: attempt.id }, data: { succeeded: true } });
      if (count === 0) await tx.signInAttempt.create({ data: { email, ip: address, succeeded: true } });
    });
  }
  return ok;
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
