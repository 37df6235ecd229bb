"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormAlert, fieldError, useActionForm } from "@/components/form-result";
import { cardClass } from "@/components/auth-shell";
import { createStoreAction } from "./actions";

const CURRENCIES = ["SAR", "AED", "KWD", "QAR", "BHD", "OMR"] as const;
const TIME_ZONES = ["Asia/Riyadh", "Asia/Dubai", "Asia/Kuwait", "Asia/Qatar", "Asia/Bahrain", "Asia/Muscat"] as const;

// A store's web address from its name: English letters kept, everything else a dash.
const slugFrom = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);

function Select({
  label,
  name,
  error,
  children,
  defaultValue,
}: {
  label: string;
  name: string;
  error?: string;
  children: React.ReactNode;
  defaultValue: string;
}) {
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={defaultValue} className={inputClass} aria-invalid={!!error}>
        {children}
      </select>
      {error && <span className="mt-1 block text-red-700">{error}</span>}
    </label>
  );
}

export function NewStoreForm({ locale, addressPrefix }: { locale: string; addressPrefix: string }) {
  const t = useTranslations("newStore");
  const { result, pending, form } = useActionForm(createStoreAction);
  const [slug, setSlug] = useState("");
  const [slugTouched, setSlugTouched] = useState(false);
  return (
    <form {...form} className={cardClass}>
      <FormAlert result={result} fields={["name", "slug", "locale", "currency", "timeZone"]} />
      <Field label={t("name")} name="name" required error={fieldError(result, "name")} onChange={(e) => !slugTouched && setSlug(slugFrom(e.target.value))} />
      <Field
        label={t("slug")}
        name="slug"
        required
        dir="ltr"
        value={slug}
        onChange={(e) => {
          setSlugTouched(true);
          setSlug(e.target.value);
        }}
        error={fieldError(result, "slug")}
      />
      <p className="-mt-2 text-xs text-slate-600">{t("slugHelp", { prefix: addressPrefix })}</p>
      <Select label={t("language")} name="locale" defaultValue={locale} error={fieldError(result, "locale")}>
        <option value="ar">العربية</option>
        <option value="en">English</option>
      </Select>
      <Select label={t("currency")} name="currency" defaultValue="SAR" error={fieldError(result, "currency")}>
        {CURRENCIES.map((c) => (
          <option key={c} value={c}>
            {t(`currencies.${c}`)}
          </option>
        ))}
      </Select>
      <Select label={t("timeZone")} name="timeZone" defaultValue="Asia/Riyadh" error={fieldError(result, "timeZone")}>
        {TIME_ZONES.map((z) => (
          <option key={z} value={z}>
            {t(`timeZones.${z.replace("Asia/", "")}`)}
          </option>
        ))}
      </Select>
      <Button type="submit" className="w-full" disabled={pending}>
        {t("create")}
      </Button>
    </form>
  );
}
