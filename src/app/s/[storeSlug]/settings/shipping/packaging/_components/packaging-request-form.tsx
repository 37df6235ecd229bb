"use client";

import { useState, useTransition } from "react";
import { Ltr } from "@/components/bidi";
import { useTranslations } from "next-intl";
import { PACKAGING_ITEMS, PACKAGING_ITEM_LABELS, type PackagingEmail } from "@/server/shipping/packaging-request";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { packagingEmailAction } from "../../actions";
import { FieldError } from "../../_components/form-bits";

type Initial = { to: string; storeNumber: string; contactName: string; phone: string; email: string; city: string; address: string };
const TEXT_FIELDS = ["storeNumber", "contactName", "phone", "email", "city", "address"] as const;
const LTR = new Set(["storeNumber", "phone", "email"]);

/** Aramex's packaging-materials request: checked here, written in its template, sent from the merchant's own mail. */
export function PackagingRequestForm({ storeSlug, initial }: { storeSlug: string; initial: Initial }) {
  const t = useTranslations("shippingSettings.packaging");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [email, setEmail] = useState<PackagingEmail | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const items = Object.fromEntries(PACKAGING_ITEMS.map((item) => [item, Number(String(form.get(item) ?? "").trim() || 0)]));
    const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as Record<(typeof TEXT_FIELDS)[number], string>;
    startTransition(async () => {
      const result = await packagingEmailAction(storeSlug, { ...text, items, notes: String(form.get("notes") ?? "") });
      setCopied(false);
      if (result.ok) {
        setFields({});
        setEmail(result.data);
      } else {
        setEmail(null);
        setFields(result.error.fields ?? { form: result.error.message });
      }
    });
  }

  const mailto = email?.mailto;
  return (
    <div className="space-y-4">
      <form onSubmit={submit} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-4">
        <fieldset disabled={pending} className="grid gap-3 sm:grid-cols-2">
          {TEXT_FIELDS.map((f) => (
            <div key={f} className={f === "address" ? "sm:col-span-2" : undefined}>
              <label htmlFor={`pk-${f}`} className="mb-1 block text-sm font-medium text-slate-700">
                {t(`fields.${f}`)}{" "}
                <span aria-hidden className="text-red-700">
                  *
                </span>
              </label>
              <input
                id={`pk-${f}`}
                name={f}
                required
                defaultValue={initial[f]}
                dir={LTR.has(f) ? "ltr" : undefined}
                type={f === "email" ? "email" : f === "phone" ? "tel" : "text"}
                aria-invalid={!!fields[f]}
                className={inputClass}
              />
              <FieldError message={fields[f]} />
            </div>
          ))}
        </fieldset>
        <fieldset disabled={pending}>
          <legend className="mb-2 text-sm font-medium text-slate-700">{t("items")}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {PACKAGING_ITEMS.map((item) => (
              <label key={item} className="flex items-center justify-between gap-3 text-sm">
                <span dir="ltr">{PACKAGING_ITEM_LABELS[item]}</span>
                <span className="w-24 shrink-0">
                  <input
                    name={item}
                    inputMode="numeric"
                    dir="ltr"
                    defaultValue="0"
                    aria-label={t("quantityOf", { item: PACKAGING_ITEM_LABELS[item] })}
                    className={inputClass}
                  />
                </span>
              </label>
            ))}
          </div>
          <FieldError message={fields.items ?? Object.entries(fields).find(([k]) => k.startsWith("items."))?.[1]} />
        </fieldset>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("fields.notes")}</span>
          <textarea name="notes" rows={2} maxLength={500} className={`${inputClass} py-2`} />
        </label>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {t("prepare")}
          </Button>
          <FieldError message={fields.form} />
        </div>
      </form>

      {email && (
        <section aria-label={t("preview")} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">{t("preview")}</h2>
          <p className="text-sm">
            <span className="font-medium">{t("to")}: </span>
            <Ltr>{email.to}</Ltr>
          </p>
          <p className="text-sm">
            <span className="font-medium">{t("subject")}: </span>
            <span dir="ltr" data-testid="packaging-subject">
              {email.subject}
            </span>
          </p>
          <pre dir="ltr" data-testid="packaging-body" className="overflow-x-auto rounded-lg bg-slate-50 p-3 text-sm whitespace-pre-wrap">
            {email.body}
          </pre>
          <div className="flex flex-wrap gap-2">
            <a href={mailto!} className={buttonClass("primary")}>
              {t("openEmail")}
            </a>
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard.writeText(`${t("subject")}: ${email.subject}\n\n${email.body}`);
                setCopied(true);
              }}
            >
              {t("copy")}
            </Button>
            {copied && (
              <span role="status" className="self-center text-sm text-green-700">
                {t("copied")}
              </span>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
