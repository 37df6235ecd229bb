"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { SaveRow } from "@/components/ui/save-row";
import { inputClass } from "@/components/ui/field";
import { saveLateRulesAction } from "../actions";
import { FieldError } from "./form-bits";

type Rules = { receivedHours: number; inProgressHours: number; labelPickupHours: number; shippedDays: number; carrierDays: Record<string, number> };
const FIELDS = ["receivedHours", "inProgressHours", "labelPickupHours", "shippedDays"] as const;

/** When an order counts as late, milestone by milestone: the list's badge and filter, each person's work, the station. */
export function LateRulesForm({ storeSlug, rules, canEdit }: { storeSlug: string; rules: Rules; canEdit: boolean }) {
  const t = useTranslations("shippingSettings.late");
  const [values, setValues] = useState<Record<(typeof FIELDS)[number], string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f, String(rules[f])])) as Record<(typeof FIELDS)[number], string>,
  );
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> } | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        startTransition(async () => {
          const input = { ...Object.fromEntries(FIELDS.map((f) => [f, Number(values[f])])), carrierDays: rules.carrierDays } as Rules;
          const result = await saveLateRulesAction(storeSlug, input);
          if (result.ok) {
            setError(null);
            setSaved(true);
          } else setError(result.error);
        });
      }}
    >
      <p className="text-sm text-slate-600">{t("help")}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <label key={f} className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t(f)}</span>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              value={values[f]}
              disabled={!canEdit}
              onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
              className={`${inputClass} w-32`}
            />
            <FieldError message={error?.fields?.[f]} />
          </label>
        ))}
      </div>
      {canEdit && <SaveRow label={t("save")} pending={pending} saved={saved ? t("saved") : null} error={error && !error.fields ? error.message : null} />}
    </form>
  );
}
