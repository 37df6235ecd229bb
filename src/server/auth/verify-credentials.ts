import { db } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import { verifyPassword } from "./password";
import { isLockedOut, SIGN_IN_WINDOW_MS } from "./sign-in-throttle";

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$J2QnTIRXdKq8I6bhCg1kTz2d5vI0hE0W1R3Ih6jdGhs";

export type SignedInUser = { id: string; email: string; name: string };

/** Email + password → the user, or null. Throws RATE_LIMITED while the account or address is locked. */
export async function verifyCredentials(rawEmail: string, password: string, ip: string): Promise<SignedInUser | null> {
  const email = rawEmail.trim().toLowerCase();
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const [account, address] = await Promise.all([
    db.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    db.signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  if (isLockedOut({ account, address })) {
    throw new AppError("RATE_LIMITED", "Too many failed sign-ins. Wait 15 minutes and try again.");
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  await db.signInAttempt.create({ data: { email, ip, succeeded: !!(user && ok) } });
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name };
}
