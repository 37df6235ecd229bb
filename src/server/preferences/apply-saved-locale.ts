"use server";

import { cookies } from "next/headers";
import { db } from "@/server/db/client";
import { currentUserId } from "@/server/auth/session";
import { LOCALE_COOKIE, isLocale } from "@/i18n/locales";

/** After sign-in: the language the user chose last time, on whichever device they use now. */
export async function applySavedLocale(): Promise<void> {
  const userId = await currentUserId();
  if (!userId) return;
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  if (isLocale(user?.locale)) (await cookies()).set(LOCALE_COOKIE, user.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
}
