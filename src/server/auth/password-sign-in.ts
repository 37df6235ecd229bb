import "server-only";
import { cookies, headers } from "next/headers";
import { encode } from "next-auth/jwt";
import { z } from "zod";
import { AppError } from "@/server/errors/app-error";
import { requestAddress } from "@/server/http/client-address";
import { db } from "@/server/db/client";
import { LOCALE_COOKIE, isLocale } from "@/i18n/locales";
import { listUserStores } from "@/server/stores/list-user-stores";
import { authOptions, rememberThisDevice, sessionCookie } from "./auth-options";
import { DEVICE_COOKIE } from "./known-device";
import { openUserSession } from "./user-sessions";
import { verifyCredentials } from "./verify-credentials";

export const passwordSignInInput = z.object({
  email: z.string().max(320),
  password: z.string().max(1000),
  /** "1" when the page's scripts sent the form (they then go to the landing page themselves). */
  enhanced: z.string().max(1).optional(),
  /** Where to go after signing in (a page of this site that asked for it, such as an invitation's). */
  next: z.string().max(500).optional(),
});

/** A path of this site only: "/x", never "//host" or "/\\host" (which browsers read as another site). */
export const localPath = (path: string | undefined | null): string | null => (path && /^\/(?![/\\])[^\s]*$/.test(path) ? path : null);

/**
 * The sign-in form's whole sign-in in one request: the password checked under the sign-in throttle, a
 * session row opened and its cookie set (the same signed token next-auth reads), this browser remembered
 * for the account, the language chosen last time elsewhere restored on a browser that has none yet — and
 * where to land: the first store's orders.
 */
export async function passwordSignIn(input: z.output<typeof passwordSignInInput>): Promise<{ landing: string }> {
  const jar = await cookies();
  const device = jar.get(DEVICE_COOKIE)?.value ?? null;
  // A throttled try throws RATE_LIMITED with the wait in the reader's words (verify-credentials.ts).
  const user = await verifyCredentials(input.email, input.password, requestAddress(await headers()), device);
  if (!user) throw new AppError("UNAUTHENTICATED", "The email or password is not correct.", { say: { key: "signInInvalid" } });
  await rememberThisDevice(device, user.id);
  const landing = await startSession(user);
  return { landing: localPath(input.next) ?? landing };
}

/**
 * Signs this browser in as the user: a session row, its cookie (the same signed token next-auth reads),
 * the language chosen last time elsewhere restored on a browser that has none yet. Answers where to land:
 * the first store's orders, or creating a store for someone who has none.
 */
export async function startSession(user: { id: string; name: string; email: string }): Promise<string> {
  const jar = await cookies();
  const sid = await openUserSession(user.id);
  const maxAge = authOptions.session!.maxAge!;
  const token = await encode({ token: { sub: user.id, sid, name: user.name, email: user.email }, secret: authOptions.secret!, maxAge });
  jar.set(sessionCookie.name, token, { ...sessionCookie.options, maxAge });
  const [saved, [first]] = await Promise.all([
    jar.has(LOCALE_COOKIE) ? null : db.user.findUnique({ where: { id: user.id }, select: { locale: true } }),
    listUserStores(user.id),
  ]);
  if (isLocale(saved?.locale)) jar.set(LOCALE_COOKIE, saved.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
  return first ? `/s/${first.slug}/orders` : "/stores/new";
}
