"use client";

import { useFormStatus } from "react-dom";
import { useLocale, useTranslations } from "next-intl";
import { setLocaleFromForm } from "@/server/preferences/set-locale";

const LABELS = { en: "English", ar: "العربية" } as const;

/**
 * English | العربية. A form posting to a server action: a tap works even before the page's scripts
 * have loaded, and setting the cookie re-renders the page in the chosen language.
 */
export function LanguageSwitcher() {
  const t = useTranslations("nav");
  return (
    <form action={setLocaleFromForm} role="group" aria-label={t("language")} className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5">
      {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((locale) => (
        <LocaleButton key={locale} locale={locale} />
      ))}
    </form>
  );
}

function LocaleButton({ locale }: { locale: keyof typeof LABELS }) {
  const current = useLocale();
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name="locale"
      value={locale}
      lang={locale}
      aria-pressed={current === locale}
      disabled={pending}
      className={`min-h-10 rounded-md px-3 text-sm ${current === locale ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {LABELS[locale]}
    </button>
  );
}
