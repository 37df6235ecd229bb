import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import "@fontsource/ibm-plex-sans-arabic/400.css";
import "@fontsource/ibm-plex-sans-arabic/500.css";
import "@fontsource/ibm-plex-sans-arabic/600.css";
import "./globals.css";
import { directionOf, isLocale, DEFAULT_LOCALE } from "@/i18n/locales";
import { HydrationMark } from "@/components/hydration-mark";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : DEFAULT_LOCALE;
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-screen font-sans">
        {/* No messages here: each page and layout sends the ones its client components read (withClientMessages). */}
        <NextIntlClientProvider messages={{}}>{children}</NextIntlClientProvider>
        <HydrationMark />
      </body>
    </html>
  );
}
