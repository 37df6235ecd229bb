import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "@/server/errors/app-error";
import { verifyCredentials } from "./verify-credentials";
import { openUserSession, revokeUserSession } from "./user-sessions";

function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || "local";
}

/** The error codes the sign-in page turns into words. */
export const SIGN_IN_ERRORS = { invalid: "CredentialsSignin", locked: "TooManyAttempts" } as const;

/**
 * Session cookies are always httpOnly and SameSite=Lax; served over https (production) they are also
 * Secure and __Secure- prefixed, so a browser never sends them over plain http.
 */
export function usesSecureCookies(env: Record<string, string | undefined> = process.env): boolean {
  return (env.NEXTAUTH_URL || env.PUBLIC_URL || "").startsWith("https://");
}

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
  useSecureCookies: usesSecureCookies(),
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        try {
          return await verifyCredentials(credentials.email, credentials.password, clientIp(req?.headers));
        } catch (error) {
          if (isAppError(error) && error.code === "RATE_LIMITED") throw new Error(SIGN_IN_ERRORS.locked);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // Signing in opens a session row; the cookie carries its id (sid) from then on.
      if (user) {
        token.sub = user.id;
        token.sid = await openUserSession(user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) Object.assign(session.user, { id: token.sub, sid: token.sid });
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeUserSession(token.sid);
    },
  },
};
