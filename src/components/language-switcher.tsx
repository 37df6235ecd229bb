"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { setLocale } from "@/server/preferences/set-locale";

const LABELS = { en: "English", ar: "العربية" } as const;

export function LanguageSwitcher() {
  const current = useLocale();
  const t = useTranslations("nav");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("language")} className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5">
      {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={current === locale}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocale(locale);
              router.refresh();
            })
          }
          className={`min-h-10 rounded-md px-3 text-sm ${current === locale ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {LABELS[locale]}
        </button>
      ))}
    </div>
  );
}
