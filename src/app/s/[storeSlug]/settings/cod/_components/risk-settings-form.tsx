"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SaveFooter } from "@/components/ui/save-footer";
import { inputClass } from "@/components/ui/field";
import { RISK_ACTIONS, RISK_FACTORS } from "@/server/customers/risk-factors";
import type { StoreRiskSettings } from "@/server/customers/risk-settings";
import { saveRiskSettingsAction } from "../actions";

/** The customer risk's weights and bands, and what each band does to a cash-on-delivery order. */
export function RiskSettingsForm({ storeSlug, settings, canEdit }: { storeSlug: string; settings: StoreRiskSettings; canEdit: boolean }) {
  const t = useTranslations("riskSettings");
  const tf = useTranslations("customerRisk");
  const router = useRouter();
  const [value, setValue] = useState(settings);
  const [message, setMessage] = useState<{ ok: boolean; text: string; fields?: Record<string, string> } | null>(null);
  const [pending, startTransition] = useTransition();
  // The field's look at a number's width (the shared class fills its row).
  const narrow = inputClass.replace("w-full", "w-20");
  const number = (text: string) => (/^\d{1,3}$/.test(text.trim()) ? Number(text) : Number.NaN);

  function save(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveRiskSettingsAction(storeSlug, value);
      setMessage(result.ok ? { ok: true, text: t("saved") } : { ok: false, text: result.error.message, fields: result.error.fields });
      if (result.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={save} aria-label={t("riskTitle")} className="space-y-5">
      <fieldset disabled={!canEdit || pending} className="space-y-2">
        <legend className="mb-1 font-medium">{t("weights")}</legend>
        <p className="text-sm text-slate-600">{t("weightsHelp")}</p>
        <div className="grid gap-x-4 sm:grid-cols-2">
          {RISK_FACTORS.map((f) => (
            <label key={f} className="flex min-h-11 items-center justify-between gap-3 text-sm">
              <span>{tf(`factors.${f}`)}</span>
              <input
                inputMode="numeric"
                dir="ltr"
                value={Number.isNaN(value.weights[f]) ? "" : String(value.weights[f])}
                onChange={(e) => setValue({ ...value, weights: { ...value.weights, [f]: number(e.target.value) } })}
                className={`${narrow} shrink-0`}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset disabled={!canEdit || pending} className="space-y-2">
        <legend className="mb-1 font-medium">{t("bands")}</legend>
        {(["medium", "high"] as const).map((band) => (
          <div key={band} className="flex flex-wrap items-center gap-3 text-sm">
            <label className="flex min-h-11 items-center gap-2">
              <span>{t(`from.${band}`)}</span>
              <input
                inputMode="numeric"
                dir="ltr"
                value={Number.isNaN(value.bands[band]) ? "" : String(value.bands[band])}
                onChange={(e) => setValue({ ...value, bands: { ...value.bands, [band]: number(e.target.value) } })}
                className={narrow}
                aria-invalid={!!message?.fields?.[`bands.${band}`]}
                aria-describedby={message?.fields?.[`bands.${band}`] ? `band-${band}-error` : undefined}
              />
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <span>{t("then")}</span>
              <select
                value={value.actions[band]}
                onChange={(e) => setValue({ ...value, actions: { ...value.actions, [band]: e.target.value as (typeof RISK_ACTIONS)[number] } })}
                className={inputClass.replace("w-full", "w-auto")}
              >
                {RISK_ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {t(`actions.${a}`)}
                  </option>
                ))}
              </select>
            </label>
            {message?.fields?.[`bands.${band}`] && (
              <span id={`band-${band}-error`} className="basis-full text-red-700">
                {message.fields[`bands.${band}`]}
              </span>
            )}
          </div>
        ))}
        <p className="text-sm text-slate-600">{t("bandsHelp")}</p>
      </fieldset>
      <SaveFooter canEdit={canEdit} pending={pending} label={t("save")} message={message} />
    </form>
  );
}
