import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, browserLocale, isLocale } from "./locales";
import { PUBLIC_PAGE_HEADER, publicPageLocale } from "./public-page";

export default getRequestConfig(async ({ locale: requested }) => {
  // A customer's page speaks its store's language; the dashboard, the language its user chose.
  const publicPage = (await headers()).get(PUBLIC_PAGE_HEADER);
  const storeLocale = publicPage ? await publicPageLocale(publicPage) : null;
  const saved = (await cookies()).get(LOCALE_COOKIE)?.value;
  // A customer's link that matches no order speaks the browser's language: there is no store to ask.
  const browser = publicPage && !storeLocale ? browserLocale((await headers()).get("accept-language")) : null;
  // A page that asks for a language by name (the reviews widget, in its store's language) gets it.
  const locale = isLocale(requested) ? requested : (storeLocale ?? browser ?? (isLocale(saved) ? saved : DEFAULT_LOCALE));
  return {
    locale,
    timeZone: "Asia/Riyadh",
    messages: (await import(`../../messages/${locale}.json`)).default,
    // A missing translation is a bug to see, not English quietly standing in for Arabic.
    getMessageFallback: ({ namespace, key }) => `⚠ ${[namespace, key].filter(Boolean).join(".")}`,
    onError: (error) => {
      if (process.env.NODE_ENV !== "production") console.error(error.message);
    },
  };
});
