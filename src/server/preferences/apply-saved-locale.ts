"use server";

import { cookies } from "next/headers";
import { db } from "@/server/db/client";
import { currentUserId } from "@/server/auth/session";
import { LOCALE_COOKIE, isLocale } from "@/i18n/locales";

/**
 * After sign-in on a browser that has no language yet: the one the user chose last time elsewhere.
 * A browser where a language was already picked keeps it.
 */
export async function applySavedLocale(): Promise<void> {
  const jar = await cookies();
  if (jar.has(LOCALE_COOKIE)) return;
  const userId = await currentUserId();
  if (!userId) return;
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  if (isLocale(user?.locale)) jar.set(LOCALE_COOKIE, user.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
}
