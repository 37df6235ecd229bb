"use server";

import { cookies } from "next/headers";
import { db } from "@/server/db/client";
import { currentUserId } from "@/server/auth/session";
import { LOCALE_COOKIE, isLocale } from "@/i18n/locales";
import { listUserStores } from "@/server/stores/list-user-stores";

/**
 * Right after sign-in: on a browser that has no language yet, the one the user chose last time
 * elsewhere (a browser where a language was already picked keeps it); and where to land — the first
 * store's orders, so the browser goes there in one load instead of through the home page's redirect.
 */
export async function applySavedLocale(): Promise<string> {
  const userId = await currentUserId();
  if (!userId) return "/signin";
  const jar = await cookies();
  const [user, [first]] = await Promise.all([
    jar.has(LOCALE_COOKIE) ? null : db.user.findUnique({ where: { id: userId }, select: { locale: true } }),
    listUserStores(userId),
  ]);
  if (isLocale(user?.locale)) jar.set(LOCALE_COOKIE, user.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
  return first ? `/s/${first.slug}/orders` : "/";
}
