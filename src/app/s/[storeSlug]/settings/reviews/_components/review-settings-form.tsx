"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { ReviewSettings } from "@/server/reviews/review-settings";
import { REVIEW_PLACEHOLDERS } from "@/server/reviews/review-settings";
import { renderTemplate } from "@/server/notifications/sms-templates";
import { countSmsSegments } from "@/server/notifications/sms-segments";
import { parseMinorUnits } from "@/server/money/money";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { saveReviewSettingsAction } from "../actions";
import { TimeField } from "@/components/ui/time-field";

type Props = { storeSlug: string; storeName: string; settings: ReviewSettings; currency: string; digits: number; canEdit: boolean };
type DiscountKind = ReviewSettings["discount"]["kind"];

/** Settings → Order evaluation: when and how customers are asked, what they rate, the thank-you code, moderation. */
export function ReviewSettingsForm({ storeSlug, storeName, settings, currency, digits, canEdit }: Props) {
  const t = useTranslations("reviewSettings");
  const [s, setS] = useState(settings);
  const [discountKind, setDiscountKind] = useState<DiscountKind>(settings.discount.kind);
  const d = settings.discount;
  const [discountValue, setDiscountValue] = useState(
    d.kind === "percent" ? String(d.percent) : d.kind === "fixed" ? (d.amount / 10 ** digits).toFixed(digits) : "10",
  );
  const [validityDays, setValidityDays] = useState(String(d.kind === "off" ? 30 : d.validityDays));
  const [minOrder, setMinOrder] = useState(((d.kind === "off" ? 0 : d.minOrder) / 10 ** digits).toFixed(digits));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  const set = <K extends keyof ReviewSettings>(key: K, value: ReviewSettings[K]) => {
    setSaved(false);
    setS((current) => ({ ...current, [key]: value }));
  };
  const sample = (locale: "ar" | "en") =>
    renderTemplate(
      s.templates[locale],
      {
        customer_name: locale === "ar" ? "سارة" : "Sara",
        order_number: "#1042",
        store_name: storeName,
        review_url: "https://t.example/r/x1",
        discount_code: discountKind === "off" ? "" : "THX-7KQ9P2MX",
      },
      REVIEW_PLACEHOLDERS,
    );

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const discount =
      discountKind === "off"
        ? { kind: "off" as const }
        : discountKind === "percent"
          ? { kind: "percent" as const, percent: Number(discountValue), validityDays: Number(validityDays), minOrder: parseMinorUnits(minOrder, digits) }
          : {
              kind: "fixed" as const,
              amount: parseMinorUnits(discountValue, digits),
              validityDays: Number(validityDays),
              minOrder: parseMinorUnits(minOrder, digits),
            };
    startTransition(async () => {
      const result = await saveReviewSettingsAction(storeSlug, { ...s, discount });
      setSaved(result.ok);
      setFields(result.ok ? {} : (result.error.fields ?? { form: result.error.message }));
    });
  }

  const error = (key: string) =>
    fields[key] && (
      <span role="alert" className="mt-1 block text-sm text-red-700">
        {fields[key]}
      </span>
    );
  const box = "space-y-3 rounded-xl border border-slate-200 bg-white p-4";
  return (
    <form onSubmit={submit} aria-label={t("title")} className="space-y-4">
      <fieldset disabled={!canEdit || pending} className="space-y-4">
        <section className={box}>
          <label className="flex min-h-11 items-center gap-3 font-medium">
            <input type="checkbox" checked={s.enabled} onChange={(e) => set("enabled", e.target.checked)} className="size-5 accent-brand-600" />
            {t("enabled")}
          </label>
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t("delayDays")}</span>
            <span className="block w-28">
              <input type="number" min={0} max={60} value={s.delayDays} onChange={(e) => set("delayDays", Number(e.target.value))} className={inputClass} />
            </span>
            {error("delayDays")}
          </label>
          <div className="grid gap-2 sm:grid-cols-2">
            <label className="block text-sm">
              <span className="mb-1 flex min-h-11 items-center gap-2 font-medium text-slate-700">
                <input
                  type="checkbox"
                  checked={!!s.quietHours}
                  onChange={(e) => set("quietHours", e.target.checked ? { start: "22:00", end: "09:00" } : null)}
                  className="size-5 accent-brand-600"
                />
                {t("quietHours")}
              </span>
              {s.quietHours && (
                <span className="flex items-center gap-2">
                  <span className="w-32">
                    <TimeField label={t("quietFrom")} value={s.quietHours.start} onChange={(start) => set("quietHours", { ...s.quietHours!, start })} />
                  </span>
                  –
                  <span className="w-32">
                    <TimeField label={t("quietTo")} value={s.quietHours.end} onChange={(end) => set("quietHours", { ...s.quietHours!, end })} />
                  </span>
                </span>
              )}
              <span className="mt-1 block text-slate-600">{t("quietHelp")}</span>
            </label>
          </div>
        </section>

        <section className={box}>
          <h2 className="font-semibold">{t("template")}</h2>
          <p className="text-sm text-slate-600">{t("placeholders", { list: REVIEW_PLACEHOLDERS.map((p) => `{${p}}`).join(" ") })}</p>
          {(["ar", "en"] as const).map((locale) => {
            const preview = sample(locale);
            return (
              <div key={locale} className="space-y-1">
                <label className="block text-sm">
                  <span className="mb-1 block font-medium text-slate-700">{t(`templateIn.${locale}`)}</span>
                  <textarea
                    dir={locale === "ar" ? "rtl" : "ltr"}
                    rows={3}
                    value={s.templates[locale]}
                    onChange={(e) => set("templates", { ...s.templates, [locale]: e.target.value })}
                    className={`${inputClass} py-2`}
                  />
                </label>
                {error(`templates.${locale}`)}
                <p dir={locale === "ar" ? "rtl" : "ltr"} className="rounded-lg bg-slate-50 p-2 text-sm" data-testid={`review-sms-preview-${locale}`}>
                  {preview}
                </p>
                <p className="text-xs text-slate-500">{t("segments", { count: countSmsSegments(preview).parts })}</p>
              </div>
            );
          })}
        </section>

        <section className={box}>
          <h2 className="font-semibold">{t("whatToRate")}</h2>
          {(["products", "experience", "carrier"] as const).map((k) => (
            <label key={k} className="flex min-h-11 items-center gap-3 text-sm">
              <input
                type="checkbox"
                checked={s.rate[k]}
                onChange={(e) => set("rate", { ...s.rate, [k]: e.target.checked })}
                className="size-5 accent-brand-600"
              />
              {t(`rate.${k}`)}
            </label>
          ))}
          <label className="flex min-h-11 items-center gap-3 text-sm">
            <input type="checkbox" checked={s.askPhotos} onChange={(e) => set("askPhotos", e.target.checked)} className="size-5 accent-brand-600" />
            {t("askPhotos")}
          </label>
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t("autoPublish")}</span>
            <select
              value={s.autoPublishMinRating ?? ""}
              onChange={(e) => set("autoPublishMinRating", e.target.value ? Number(e.target.value) : null)}
              className={inputClass}
            >
              <option value="">{t("autoPublishOff")}</option>
              {[5, 4, 3].map((n) => (
                <option key={n} value={n}>
                  {t("autoPublishFrom", { stars: n })}
                </option>
              ))}
            </select>
          </label>
        </section>

        <section className={box}>
          <h2 className="font-semibold">{t("discount.title")}</h2>
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t("discount.kind")}</span>
            <select value={discountKind} onChange={(e) => setDiscountKind(e.target.value as DiscountKind)} className={inputClass}>
              {(["off", "percent", "fixed"] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`discount.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {discountKind !== "off" && (
            <div className="grid gap-3 sm:grid-cols-3">
              <label className="block text-sm">
                <span className="mb-1 block font-medium text-slate-700">
                  {discountKind === "percent" ? t("discount.percent") : t("discount.amount", { currency })}
                </span>
                <input inputMode="decimal" dir="ltr" value={discountValue} onChange={(e) => setDiscountValue(e.target.value)} className={inputClass} />
                {error("discount.percent") ?? error("discount.amount")}
              </label>
              <label className="block text-sm">
                <span className="mb-1 block font-medium text-slate-700">{t("discount.validityDays")}</span>
                <input inputMode="numeric" dir="ltr" value={validityDays} onChange={(e) => setValidityDays(e.target.value)} className={inputClass} />
                {error("discount.validityDays")}
              </label>
              <label className="block text-sm">
                <span className="mb-1 block font-medium text-slate-700">{t("discount.minOrder", { currency })}</span>
                <input inputMode="decimal" dir="ltr" value={minOrder} onChange={(e) => setMinOrder(e.target.value)} className={inputClass} />
                {error("discount.minOrder")}
              </label>
            </div>
          )}
        </section>
      </fieldset>
      {canEdit && (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {t("save")}
          </Button>
          {saved && (
            <span role="status" className="text-sm text-green-700">
              {t("saved")}
            </span>
          )}
          {error("form")}
        </div>
      )}
    </form>
  );
}
