import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";

/** The signed-in user's id, or null. Works in server components, server actions and route handlers. */
export async function currentUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}
