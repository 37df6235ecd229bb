"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { setCustomerLanguageAction } from "../actions";

/** The language a customer's SMS and pages use: theirs, or the store's. Saved as soon as it is chosen. */
export function CustomerLanguage({
  storeSlug,
  customerId,
  locale,
  storeLocale,
  canEdit,
}: {
  storeSlug: string;
  customerId: string;
  locale: "ar" | "en" | null;
  storeLocale: "ar" | "en";
  canEdit: boolean;
}) {
  const t = useTranslations("customers.language");
  const [value, setValue] = useState<string>(locale ?? "");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{t("label")}</span>
      <select
        value={value}
        disabled={!canEdit || pending}
        onChange={(e) => {
          const next = e.target.value;
          setValue(next);
          startTransition(async () => {
            const result = await setCustomerLanguageAction(storeSlug, { customerId, locale: next === "ar" || next === "en" ? next : null });
            setMessage(result.ok ? { ok: true, text: t("saved") } : { ok: false, text: result.error.message });
          });
        }}
        className={inputClass}
      >
        <option value="">{t("store", { language: t(storeLocale) })}</option>
        <option value="ar">{t("ar")}</option>
        <option value="en">{t("en")}</option>
      </select>
      <span className="mt-1 block text-xs text-slate-600">{t("help")}</span>
      {message && (
        <span role={message.ok ? "status" : "alert"} className={`mt-1 block text-xs ${message.ok ? "text-emerald-700" : "text-red-700"}`}>
          {message.text}
        </span>
      )}
    </label>
  );
}
