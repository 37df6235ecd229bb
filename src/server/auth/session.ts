import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";
import { isUserSessionOpen } from "./user-sessions";

/**
 * The signed-in user and their session, or null. A cookie whose session was revoked (signed out,
 * password changed) counts as signed out, however long its signature would still be valid.
 * Works in server components, server actions and route handlers; read once per request.
 */
export const currentSession = cache(async (): Promise<{ userId: string; sessionId: string } | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; sid?: string } | undefined;
  if (!user?.id || !user.sid) return null;
  return (await isUserSessionOpen(user.id, user.sid)) ? { userId: user.id, sessionId: user.sid } : null;
});

/** The signed-in user's id, or null. */
export async function currentUserId(): Promise<string | null> {
  return (await currentSession())?.userId ?? null;
}
