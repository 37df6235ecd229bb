import { cache } from "react";
import { db } from "@/server/db/client";
import type { Locale } from "./locales";

export { PUBLIC_PAGE_HEADER } from "./locales";

/** The language of the store a customer page belongs to (once per request), or null when the token is unknown. */
export const publicPageLocale = cache(async (value: string): Promise<Locale | null> => {
  const [kind, token] = value.split(":");
  const store =
    kind === "o"
      ? (await db.order.findUnique({ where: { publicToken: token }, select: { store: { select: { locale: true } } } }))?.store
      : (await db.reviewRequest.findUnique({ where: { token }, select: { store: { select: { locale: true } } } }))?.store;
  if (!store) return null;
  return store.locale === "en" ? "en" : "ar";
});
