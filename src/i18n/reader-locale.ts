import { cookies } from "next/headers";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from "./locales";

/** The language the person behind this request reads (their saved choice), for words made on the server. */
export async function readerLocale(): Promise<Locale> {
  try {
    const saved = (await cookies()).get(LOCALE_COOKIE)?.value;
    return isLocale(saved) ? saved : DEFAULT_LOCALE;
  } catch {
    // Outside a request (a job, a test calling the use case): the default language.
    return DEFAULT_LOCALE;
  }
}
