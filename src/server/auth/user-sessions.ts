import "server-only";
import { db } from "@/server/db/client";

// Signed-in browsers. The session cookie is a signed token that names one of these rows; the row, not
// the signature, decides whether it still counts: signing out or changing the password revokes it.

/** Records a new signed-in browser for the user; its id goes into the session cookie. */
export async function openUserSession(userId: string): Promise<string> {
  const session = await db.userSession.create({ data: { userId }, select: { id: true } });
  return session.id;
}

/** Whether the session named by a cookie is the user's and still open. */
export async function isUserSessionOpen(userId: string, sessionId: string | undefined): Promise<boolean> {
  if (!sessionId) return false;
  const session = await db.userSession.findUnique({ where: { id: sessionId }, select: { userId: true, revokedAt: true } });
  return !!session && session.userId === userId && !session.revokedAt;
}

/** Signing out: this browser's session stops counting at once. */
export async function revokeUserSession(sessionId: string): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Every other browser of the user is signed out (after a password change); `keep` stays signed in. */
export async function revokeOtherUserSessions(userId: string, keep: string | null): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
