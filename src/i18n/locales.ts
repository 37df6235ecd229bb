export const LOCALES = ["en", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "tajer-locale";

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
export const directionOf = (locale: Locale) => (locale === "ar" ? "rtl" : "ltr");

/** Set by the proxy on the customer's pages: "o:<order token>" or "r:<review token>". */
export const PUBLIC_PAGE_HEADER = "x-tajer-public-page";
