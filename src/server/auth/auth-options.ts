import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "@/server/errors/app-error";
import { verifyCredentials } from "./verify-credentials";
import { openUserSession, revokeUserSession } from "./user-sessions";
import { requestAddress } from "@/server/http/client-address";
import { DEVICE_COOKIE, deviceCookieFrom, rememberDevice } from "./known-device";

/** Marks this browser as known to the account (known-device.ts), for a year. */
export async function rememberThisDevice(current: string | null, userId: string) {
  const { cookies } = await import("next/headers");
  (await cookies()).set(DEVICE_COOKIE, await rememberDevice(current, userId), {
    httpOnly: true,
    sameSite: "lax",
    secure: usesSecureCookies(),
    path: "/",
    maxAge: 365 * 86_400,
  });
}

type RawHeaders = Record<string, string | string[] | undefined> | undefined;
const header = (headers: RawHeaders, name: string) => {
  const value = headers?.[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Where a sign-in may send the browser afterwards: a path of this site, or a URL of this site; anything
 * else — another host, `javascript:`, a URL that does not even parse — goes to the dashboard's start.
 */
export function safeRedirect(url: string, baseUrl: string): string {
  try {
    if (/^\/(?![/\\])/.test(url)) return new URL(url, baseUrl).origin === new URL(baseUrl).origin ? `${baseUrl}${url}` : `${baseUrl}/`;
    const target = new URL(url);
    return target.origin === new URL(baseUrl).origin && (target.protocol === "http:" || target.protocol === "https:") ? target.toString() : `${baseUrl}/`;
  } catch {
    return `${baseUrl}/`;
  }
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

/** next-auth's session cookie as next-auth names and sets it, for the sign-in form's own sign-in (password-sign-in.ts). */
export const sessionCookie = {
  name: `${usesSecureCookies() ? "__Secure-" : ""}next-auth.session-token`,
  options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: usesSecureCookies() },
};

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
        const headers = req?.headers as RawHeaders;
        const device = deviceCookieFrom(header(headers, "cookie"));
        try {
          const user = await verifyCredentials(credentials.email, credentials.password, requestAddress(headers), device);
          // This browser is now known to the account: the per-account limit will not lock its owner out here.
          if (user) await rememberThisDevice(device, user.id);
          return user;
        } catch (error) {
          // The sign-in page reads the reason and the wait from the error's name: "TooManyAttempts:slow_down:8".
          if (isAppError(error) && error.code === "RATE_LIMITED")
            throw new Error(`${SIGN_IN_ERRORS.locked}:${error.details?.reason}:${error.details?.retryAfterSeconds}`);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
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
