"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { SmsSettings } from "@/server/notifications/sms-settings";
import { PLACEHOLDERS, SMS_EVENTS, renderTemplate, statusWords, type SmsEvent, type SmsLocale } from "@/server/notifications/sms-templates";
import { countSmsSegments } from "@/server/notifications/sms-segments";
import { MESSAGING_CHANNELS } from "@/server/notifications/whatsapp";
import { PRICE_KEYS, readPrice } from "@/server/notifications/message-prices";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { rotateSmsWebhookSecret, saveSmsSettings } from "../actions";

type Props = { storeSlug: string; settings: SmsSettings; defaults: Record<SmsEvent, Record<SmsLocale, string>>; canEdit: boolean };

export function SmsSettingsForm({ storeSlug, settings, defaults, canEdit }: Props) {
  const t = useTranslations("smsSettings");
  const [mode, setMode] = useState(settings.mode);
  const [channel, setChannel] = useState(settings.channel);
  const [templates, setTemplates] = useState(settings.templates);
  const [pending, startTransition] = useTransition();
  const [saved, setSaved] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState(settings.webhookSecret);

  const sample = (locale: SmsLocale) => ({
    customer_name: locale === "ar" ? "سارة" : "Sara",
    order_number: "#1042",
    store_name: settings.storeName,
    status: statusWords("shipped", locale),
    note: locale === "ar" ? "شكرًا لطلبك" : "Thank you for your order",
    tracking_url: "https://t.example/AB123",
    order_url: "https://t.example/o/x1",
    amount: locale === "ar" ? "154.00 ر.س." : "SAR 154.00",
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await saveSmsSettings(storeSlug, {
        mode,
        senderName: String(form.get("senderName") ?? ""),
        webhookUrl: String(form.get("webhookUrl") ?? ""),
        templates,
        channel,
        prices: Object.fromEntries(PRICE_KEYS.map((k) => [k, readPrice(String(form.get(`price.${k}`) ?? "")) ?? Number.NaN])) as Record<
          (typeof PRICE_KEYS)[number],
          number
        >,
        // Asked only with SMS behind WhatsApp; otherwise the saved wait stays.
        whatsappFallbackMinutes: form.has("fallbackMinutes")
          ? /^\d{1,4}$/.test(String(form.get("fallbackMinutes")).trim())
            ? Number(form.get("fallbackMinutes"))
            : Number.NaN
          : settings.whatsappFallbackMinutes,
      });
      if (result.ok) {
        setFields({});
        setSaved(true);
        setSecret(result.data.webhookSecret);
      } else {
        setSaved(false);
        setFields({ ...result.error.fields, form: result.error.message });
      }
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <fieldset disabled={!canEdit || pending} className="space-y-4">
        <section className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-semibold">{t("mode")}</h2>
          <div className="grid gap-2">
            {(["PLATFORM", "OWN_PROVIDER", "OFF"] as const).map((m) => (
              <label
                key={m}
                className={`flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border p-3 text-sm ${mode === m ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}
              >
                <input type="radio" name="mode" checked={mode === m} onChange={() => setMode(m)} className="mt-0.5 size-4 accent-brand-600" />
                <span>
                  <span className="block font-medium">{t(`modes.${m}.label`)}</span>
                  <span className="block text-slate-600">{t(`modes.${m}.help`)}</span>
                </span>
              </label>
            ))}
          </div>
          {mode === "OWN_PROVIDER" && (
            <div className="mt-3 space-y-2">
              <label className="block text-sm">
                <span className="mb-1 block font-medium text-slate-700">{t("webhookUrl")}</span>
                <input
                  name="webhookUrl"
                  type="url"
                  dir="ltr"
                  defaultValue={settings.webhookUrl ?? ""}
                  placeholder="https://"
                  className={inputClass}
                  aria-invalid={!!fields.webhookUrl}
                />
                {fields.webhookUrl && (
                  <span className="mt-1 block text-red-700">
                    {fields.webhookUrl === "must start with https://"
                      ? t("webhookUrlHttps")
                      : fields.webhookUrl === "must be a public address"
                        ? t("webhookUrlPrivate")
                        : t("webhookUrlError")}
                  </span>
                )}
              </label>
              {secret && (
                <div className="text-sm">
                  <p className="font-medium text-slate-700">{t("webhookSecret")}</p>
                  <p className="mt-1 flex flex-wrap items-center gap-2">
                    <code dir="ltr" className="rounded bg-slate-100 px-2 py-1 text-xs break-all">
                      {secret}
                    </code>
                    <Button
                      type="button"
                      variant="secondary"
                      onClick={() =>
                        startTransition(async () => {
                          const r = await rotateSmsWebhookSecret(storeSlug, {});
                          if (r.ok) setSecret(r.data);
                        })
                      }
                    >
                      {t("rotate")}
                    </Button>
                  </p>
                  <p className="mt-1 text-xs text-slate-600">{t("signatureHelp")}</p>
                </div>
              )}
            </div>
          )}
        </section>

        {mode === "PLATFORM" && (
          <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
            <h2 className="font-semibold">{t("channel")}</h2>
            <div className="grid gap-2">
              {MESSAGING_CHANNELS.map((c) => (
                <label
                  key={c}
                  className={`flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border p-3 text-sm ${channel === c ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}
                >
                  <input type="radio" name="channel" checked={channel === c} onChange={() => setChannel(c)} className="mt-0.5 size-4 accent-brand-600" />
                  <span>
                    <span className="block font-medium">{t(`channels.${c}.label`)}</span>
                    <span className="block text-slate-600">{t(`channels.${c}.help`)}</span>
                  </span>
                </label>
              ))}
            </div>
            {channel === "WHATSAPP_THEN_SMS" && (
              <label className="flex min-h-11 flex-wrap items-center gap-2 text-sm">
                <span className="font-medium text-slate-700">{t("fallbackMinutes")}</span>
                <input
                  name="fallbackMinutes"
                  inputMode="numeric"
                  dir="ltr"
                  defaultValue={String(settings.whatsappFallbackMinutes)}
                  className={inputClass.replace("w-full", "w-20")}
                  aria-invalid={!!fields.whatsappFallbackMinutes}
                />
                {fields.whatsappFallbackMinutes && <span className="basis-full text-red-700">{fields.whatsappFallbackMinutes}</span>}
              </label>
            )}
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-700">{t("prices")}</legend>
              <p className="text-xs text-slate-600">{t("pricesHelp")}</p>
              <div className="grid gap-2 sm:grid-cols-3">
                {PRICE_KEYS.map((k) => (
                  <label key={k} className="block text-sm">
                    <span className="mb-1 block text-slate-700">{t(`price.${k}`)}</span>
                    <input
                      name={`price.${k}`}
                      inputMode="decimal"
                      dir="ltr"
                      defaultValue={(settings.prices[k] / 1_000_000).toFixed(4)}
                      className={inputClass.replace("w-full", "w-28")}
                      aria-invalid={!!fields[`prices.${k}`]}
                    />
                    {fields[`prices.${k}`] && <span className="mt-1 block text-red-700">{fields[`prices.${k}`]}</span>}
                  </label>
                ))}
              </div>
            </fieldset>
            {channel !== "SMS" && !settings.whatsappAvailable && (
              <p role="note" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {t("whatsappUnavailable")}
              </p>
            )}
          </section>
        )}

        <section className="rounded-xl border border-slate-200 bg-white p-4">
          <label htmlFor="sms-sender" className="mb-1 block text-sm font-medium text-slate-700">
            {t("senderName")}
          </label>
          <input
            id="sms-sender"
            name="senderName"
            dir="ltr"
            defaultValue={settings.senderName}
            maxLength={11}
            className={`${inputClass} max-w-xs`}
            aria-invalid={!!fields.senderName}
            aria-describedby="sms-sender-help"
          />
          <p id="sms-sender-help" className={`mt-1 text-sm ${fields.senderName ? "text-red-700" : "text-slate-600"}`}>
            {t("senderHelp")}
          </p>
        </section>

        <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-4">
          <div>
            <h2 className="font-semibold">{t("templates")}</h2>
            <p className="text-sm text-slate-600">
              {t("placeholders")}{" "}
              {PLACEHOLDERS.map((p) => (
                <code key={p} dir="ltr" className="me-1 rounded bg-slate-100 px-1 text-xs">{`{${p}}`}</code>
              ))}
            </p>
          </div>
          {SMS_EVENTS.map((event) => (
            <div key={event} className="space-y-2 border-t border-slate-100 pt-3">
              <h3 className="text-sm font-semibold">{t(`events.${event.replace("order.", "") as "status_changed"}`)}</h3>
              <div className="grid gap-3 lg:grid-cols-2">
                {(["ar", "en"] as const).map((locale) => {
                  const value = templates[event]?.[locale] ?? "";
                  const preview = renderTemplate(value || defaults[event][locale], sample(locale));
                  const parts = countSmsSegments(preview);
                  return (
                    <label key={locale} className="block text-sm">
                      <span className="mb-1 block font-medium text-slate-700">{t(`language.${locale}`)}</span>
                      <textarea
                        dir={locale === "ar" ? "rtl" : "ltr"}
                        lang={locale}
                        rows={3}
                        maxLength={600}
                        value={value}
                        placeholder={defaults[event][locale]}
                        onChange={(e) => setTemplates((all) => ({ ...all, [event]: { ...all[event], [locale]: e.target.value } }))}
                        className={`${inputClass} py-2`}
                      />
                      <span className="mt-1 block rounded-lg bg-slate-50 px-2 py-1 text-slate-700" dir={locale === "ar" ? "rtl" : "ltr"} lang={locale}>
                        {preview}
                      </span>
                      <span className="mt-1 block text-xs text-slate-500">{t("parts", { chars: parts.units, parts: parts.parts })}</span>
                    </label>
                  );
                })}
              </div>
            </div>
          ))}
        </section>
      </fieldset>
      {fields.form && (
        <p role="alert" className="text-sm text-red-700">
          {fields.form}
        </p>
      )}
      {saved && (
        <p role="status" className="text-sm text-emerald-800">
          {t("saved")}
        </p>
      )}
      {canEdit && (
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
      )}
    </form>
  );
}
