"use server";

import { cookies } from "next/headers";
import { db } from "@/server/db/client";
import { currentUserId } from "@/server/auth/session";
import { LOCALE_COOKIE, isLocale } from "@/i18n/locales";

/** Switches the interface language for this browser, and remembers it for the signed-in user. */
export async function setLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
  const userId = await currentUserId();
  if (userId) await db.user.update({ where: { id: userId }, data: { locale } });
}

/** The language switch as a form (it works before the page's scripts have loaded: the browser posts it). */
export async function setLocaleFromForm(form: FormData): Promise<void> {
  await setLocale(String(form.get("locale") ?? ""));
}
