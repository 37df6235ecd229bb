"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { saveCarrierChoiceAction } from "../actions";
import { FieldError } from "./form-bits";

type Choice = { onTimeDays: number; preselect: { enabled: boolean; maxDays: number; minRating: number } };

/** Settings → Shipping → Choosing a carrier: what "on time" means, and the label form's preselect rule. */
export function CarrierChoiceForm({ storeSlug, choice, canEdit }: { storeSlug: string; choice: Choice; canEdit: boolean }) {
  const t = useTranslations("scorecard.choice");
  const [onTimeDays, setOnTimeDays] = useState(String(choice.onTimeDays));
  const [enabled, setEnabled] = useState(choice.preselect.enabled);
  const [maxDays, setMaxDays] = useState(String(choice.preselect.maxDays));
  const [minRating, setMinRating] = useState(String(choice.preselect.minRating));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveCarrierChoiceAction(storeSlug, {
        onTimeDays: Number(onTimeDays),
        preselect: { enabled, maxDays: Number(maxDays), minRating: Number(minRating) },
      });
      if (result.ok) {
        setFields({});
        setMessage({ ok: true, text: t("saved") });
      } else {
        setFields(result.error.fields ?? {});
        setMessage({ ok: false, text: result.error.message });
      }
    });
  }

  const number = (name: string, label: string, value: string, set: (v: string) => void, step: string, disabled = false) => (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <input
        type="number"
        inputMode="decimal"
        dir="ltr"
        step={step}
        value={value}
        disabled={!canEdit || disabled}
        onChange={(e) => set(e.target.value)}
        aria-invalid={!!fields[name]}
        className={inputClass}
      />
      <FieldError message={fields[name]} />
    </label>
  );

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={t("title")}>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <div className="max-w-xs">{number("onTimeDays", t("onTimeDays"), onTimeDays, setOnTimeDays, "1")}</div>
      <label className="flex min-h-11 items-center gap-3 text-sm">
        <input type="checkbox" checked={enabled} disabled={!canEdit} onChange={(e) => setEnabled(e.target.checked)} className="size-5 accent-brand-600" />
        <span className="font-medium">{t("enabled")}</span>
      </label>
      <div className="grid max-w-lg gap-3 sm:grid-cols-2">
        {number("preselect.maxDays", t("maxDays"), maxDays, setMaxDays, "0.5", !enabled)}
        {number("preselect.minRating", t("minRating"), minRating, setMinRating, "0.1", !enabled)}
      </div>
      <p className="text-xs text-slate-600">{t("checkoutFirst")}</p>
      {canEdit && (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {t("save")}
          </Button>
          {message && (
            <span role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-800" : "text-red-700"}`}>
              {message.text}
            </span>
          )}
        </div>
      )}
    </form>
  );
}
