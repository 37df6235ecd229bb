import { cookies } from "next/headers";
import NextAuth from "next-auth";
import { authOptions, safeRedirect } from "@/server/auth/auth-options";

const handler = NextAuth(authOptions);
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** The rule next-auth checks callback URLs with before anything else (and answers 500 when it fails). */
function acceptable(url: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, url.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * next-auth, with malformed callback URLs (`javascript:`, `http://[`, …) turned into the dashboard's start
 * before it sees them: it would answer those with a 500. Where a sign-in may lead is then decided by
 * `safeRedirect` (auth-options.ts).
 */
async function guarded(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const url = new URL(request.url);
  const base = process.env.NEXTAUTH_URL || url.origin;
  const callbackUrl = url.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !acceptable(callbackUrl, base)) {
    url.searchParams.set("callbackUrl", safeRedirect(callbackUrl, base));
    return Response.redirect(new URL(`${url.pathname}${url.search}`, base), 302);
  }
  const jar = await cookies();
  for (const name of CALLBACK_COOKIES) {
    const value = jar.get(name)?.value;
    if (value !== undefined && !acceptable(value, base))
      jar.set(name, safeRedirect(value, base), { path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  return handler(request, context);
}

export { guarded as GET, guarded as POST };
