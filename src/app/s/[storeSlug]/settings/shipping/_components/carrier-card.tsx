"use client";

import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { CarrierDto } from "@/server/shipping/carrier-settings";
import type { RateCard } from "@/server/shipping/carriers";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { saveCarrierAction } from "../actions";
import { formatMoney, moneyLocale, parseMinorUnits } from "@/server/money/money";
import { FieldError } from "./form-bits";

type Props = {
  storeSlug: string;
  carrier: CarrierDto;
  currency: string;
  digits: number;
  canEdit: boolean;
  labelPricing: { card: RateCard; fee: number } | null;
};

const MONEY_FIELDS = ["firstKg", "perAdditionalKg", "codFee"] as const;

/**
 * One integrated carrier: on/off; the store's own account number with it (then the carrier bills the
 * store for labels, and the wallet pays only the platform's fee); what labels cost on the platform's
 * contract (read only); and the rate card the store charges its customers.
 */
export function CarrierCard({ storeSlug, carrier, currency, digits, canEdit, labelPricing }: Props) {
  const t = useTranslations("shippingSettings.carriers");
  const [enabled, setEnabled] = useState(carrier.enabled);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const rates = carrier.rates!;
  const locale = useLocale();
  const money = (minor: number) => formatMoney(minor, currency, moneyLocale(locale));

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const money = Object.fromEntries(MONEY_FIELDS.map((f) => [f, parseMinorUnits(String(form.get(f) ?? ""), digits)]));
    const stepKg = Number(form.get("weightStepKg"));
    startTransition(async () => {
      const result = await saveCarrierAction(storeSlug, {
        carrier: carrier.id as "aramex",
        enabled,
        accountNumber: String(form.get("accountNumber") ?? ""),
        rates: {
          firstKg: money.firstKg,
          perAdditionalKg: money.perAdditionalKg,
          codFee: money.codFee,
          volumetricDivisor: Number(form.get("volumetricDivisor")),
          weightStepGrams: Number.isFinite(stepKg) ? Math.round(stepKg * 1000) : NaN,
        },
      });
      setSaved(result.ok);
      setFields(result.ok ? {} : (result.error.fields ?? { form: result.error.message }));
    });
  }

  const id = (f: string) => `${carrier.id}-${f}`;
  return (
    <form onSubmit={submit} aria-label={carrier.name} className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
      <fieldset disabled={!canEdit || pending} className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="text-base font-semibold">{carrier.name}</h3>
          <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="size-5 accent-brand-600" />
            {t("enabled")}
          </label>
        </div>
        <p className="flex flex-wrap gap-1 text-xs">
          {(["pickup", "dropoff"] as const)
            .filter((c) => carrier.capabilities[c])
            .map((c) => (
              <span key={c} className="rounded-full bg-slate-100 px-2 py-1 text-slate-700">
                {t(`capability.${c}`)}
              </span>
            ))}
        </p>
        <div>
          <label htmlFor={id("account")} className="mb-1 block text-sm font-medium text-slate-700">
            {t("accountNumber")}
          </label>
          <input id={id("account")} name="accountNumber" defaultValue={carrier.accountNumber ?? ""} dir="ltr" maxLength={40} className={inputClass} />
          <FieldError message={fields.accountNumber} />
        </div>
        <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="label-billing">
          {!labelPricing
            ? t("labelPriceUnavailable")
            : carrier.accountNumber
              ? t("labelBillingOwn", { carrier: carrier.name, fee: money(labelPricing.fee) })
              : t("labelBillingPlatform", {
                  carrier: carrier.name,
                  firstKg: money(labelPricing.card.firstKg),
                  perKg: money(labelPricing.card.perAdditionalKg),
                })}
        </p>
        <h4 className="text-sm font-semibold text-slate-800">{t("customerRates")}</h4>
        <p className="-mt-2 text-xs text-slate-600">{t("customerRatesHelp")}</p>
        <div className="grid grid-cols-2 gap-3">
          {MONEY_FIELDS.map((f) => (
            <div key={f}>
              <label htmlFor={id(f)} className="mb-1 block text-sm font-medium text-slate-700">
                {t(`rates.${f}`, { currency })}
              </label>
              <input
                id={id(f)}
                name={f}
                inputMode="decimal"
                dir="ltr"
                defaultValue={(rates[f] / 10 ** digits).toFixed(digits)}
                className={inputClass}
                aria-invalid={!!fields[`rates.${f}`]}
              />
              <FieldError message={fields[`rates.${f}`]} />
            </div>
          ))}
          <div>
            <label htmlFor={id("divisor")} className="mb-1 block text-sm font-medium text-slate-700">
              {t("rates.volumetricDivisor")}
            </label>
            <input
              id={id("divisor")}
              name="volumetricDivisor"
              inputMode="numeric"
              dir="ltr"
              defaultValue={rates.volumetricDivisor}
              className={inputClass}
              aria-invalid={!!fields["rates.volumetricDivisor"]}
            />
            <FieldError message={fields["rates.volumetricDivisor"]} />
          </div>
          <div>
            <label htmlFor={id("step")} className="mb-1 block text-sm font-medium text-slate-700">
              {t("rates.weightStep")}
            </label>
            <input
              id={id("step")}
              name="weightStepKg"
              inputMode="decimal"
              dir="ltr"
              defaultValue={rates.weightStepGrams / 1000}
              className={inputClass}
              aria-invalid={!!fields["rates.weightStepGrams"]}
            />
            <FieldError message={fields["rates.weightStepGrams"]} />
          </div>
        </div>
        {canEdit && (
          <div className="flex items-center gap-3">
            <Button type="submit">{t("save")}</Button>
            {saved && (
              <span role="status" className="text-sm text-green-700">
                {t("saved")}
              </span>
            )}
            <FieldError message={fields.form} />
          </div>
        )}
      </fieldset>
    </form>
  );
}
