import { cache } from "react";
import { db } from "@/server/db/client";
import type { Locale } from "./locales";
import { orderTokenWhere, reviewTokenWhere } from "@/lib/customer-token";

export { PUBLIC_PAGE_HEADER } from "./locales";

/**
 * The language of a customer's page (once per request): the customer's own when known, else their
 * store's; null when the token is unknown.
 */
export const publicPageLocale = cache(async (value: string): Promise<Locale | null> => {
  const [kind, token] = value.split(":");
  const select = { store: { select: { locale: true } }, customer: { select: { locale: true } } } as const;
  const order =
    kind === "o"
      ? await db.order.findFirst({ where: orderTokenWhere(token), select })
      : (await db.reviewRequest.findFirst({ where: reviewTokenWhere(token), select: { order: { select } } }))?.order;
  if (!order) return null;
  return (order.customer.locale ?? order.store.locale) === "en" ? "en" : "ar";
});
