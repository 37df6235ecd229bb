import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from "./locales";

export default getRequestConfig(async () => {
  const saved = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(saved) ? saved : DEFAULT_LOCALE;
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
