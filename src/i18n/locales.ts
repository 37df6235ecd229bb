export const LOCALES = ["en", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "tajer-locale";

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
export const directionOf = (locale: Locale) => (locale === "ar" ? "rtl" : "ltr");

/** Set by the proxy on the customer's pages: "o:<order token>" or "r:<review token>". */
export const PUBLIC_PAGE_HEADER = "x-tajer-public-page";

/** The first of our languages an Accept-Language header prefers ("ar-SA,ar;q=0.9,en;q=0.8" → "ar"), or null. */
export function browserLocale(header: string | null | undefined): Locale | null {
  const ranked = (header ?? "")
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { lang: tag.split("-")[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0 && isLocale(x.lang))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked[0]?.lang as Locale | undefined) ?? null;
}
