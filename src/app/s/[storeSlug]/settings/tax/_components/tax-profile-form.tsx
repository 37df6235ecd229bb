"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { SaveFooter } from "@/components/ui/save-footer";
import type { TaxProfileView } from "@/server/tax/tax-profile";
import { saveTaxProfileAction } from "../actions";

const ADDRESS = ["buildingNumber", "street", "district", "city", "postalCode", "additionalNumber", "shortAddress"] as const;
const LTR = new Set([
  "vatNumber",
  "crNumber",
  "buildingNumber",
  "postalCode",
  "additionalNumber",
  "shortAddress",
  "invoicePrefix",
  "creditNotePrefix",
  "debitNotePrefix",
]);

/** Settings → Tax invoices: the seller, its VAT, its national address, and when invoices are issued. */
export function TaxProfileForm({ storeSlug, profile, canEdit }: { storeSlug: string; profile: TaxProfileView; canEdit: boolean }) {
  const t = useTranslations("taxSettings");
  const router = useRouter();
  const [registered, setRegistered] = useState(profile.vatRegistered);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const text = (name: keyof TaxProfileView, extra: Partial<React.InputHTMLAttributes<HTMLInputElement>> = {}) => (
    <Field
      key={name}
      label={t(`fields.${name}`)}
      name={name}
      id={`tax-${name}`}
      defaultValue={String(profile[name] ?? "")}
      dir={LTR.has(name) ? "ltr" : "auto"}
      error={fields[name]}
      {...extra}
    />
  );

  function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    startTransition(async () => {
      const result = await saveTaxProfileAction(storeSlug, {
        vatRegistered: registered,
        legalNameAr: value("legalNameAr"),
        legalNameEn: value("legalNameEn"),
        vatNumber: value("vatNumber"),
        crNumber: value("crNumber"),
        ...Object.fromEntries(ADDRESS.map((name) => [name, value(name)])),
        vatRatePercent: Number(value("vatRatePercent") || "15"),
        pricesIncludeVat: value("pricesIncludeVat") !== "no",
        issueOn: value("issueOn") as TaxProfileView["issueOn"],
        invoicePrefix: value("invoicePrefix"),
        creditNotePrefix: value("creditNotePrefix"),
        debitNotePrefix: value("debitNotePrefix"),
      } as never);
      setFields(result.ok ? {} : (result.error.fields ?? {}));
      setMessage(result.ok ? { ok: true, text: t("saved") } : { ok: false, text: result.error.message });
      router.refresh();
    });
  }

  return (
    <form onSubmit={save} className="space-y-4" noValidate>
      <fieldset disabled={!canEdit || pending} className="space-y-4">
        <Card title={t("seller")}>
          <div className="space-y-3">
            <label className="flex min-h-11 items-center gap-3">
              <input type="checkbox" checked={registered} onChange={(e) => setRegistered(e.target.checked)} className="size-5 accent-brand-600" />
              <span>{t("vatRegistered")}</span>
            </label>
            <p className="text-sm text-slate-600">{registered ? t("registeredHelp") : t("plainHelp")}</p>
            <div className="grid gap-3 sm:grid-cols-2">
              {text("legalNameAr")}
              {text("legalNameEn")}
              {text("vatNumber", { inputMode: "numeric", maxLength: 15 })}
              {text("crNumber", { inputMode: "numeric", maxLength: 10 })}
            </div>
            {profile.stamped && <p className="text-sm text-green-800">{t("stamped")}</p>}
          </div>
        </Card>
        <Card title={t("address")}>
          <p className="mb-3 text-sm text-slate-600">{t("addressHelp")}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            {ADDRESS.map((name) =>
              text(name, name === "street" || name === "district" || name === "city" ? {} : { inputMode: name === "shortAddress" ? "text" : "numeric" }),
            )}
          </div>
        </Card>
        <Card title={t("invoices")}>
          <div className="grid gap-3 sm:grid-cols-2">
            {text("vatRatePercent", { inputMode: "decimal", type: "number", step: "0.01", min: 0, max: 100 })}
            <div>
              <label htmlFor="tax-pricesIncludeVat" className="mb-1 block text-sm font-medium text-slate-700">
                {t("fields.pricesIncludeVat")}
              </label>
              <select id="tax-pricesIncludeVat" name="pricesIncludeVat" defaultValue={profile.pricesIncludeVat ? "yes" : "no"} className={inputClass}>
                <option value="yes">{t("include.yes")}</option>
                <option value="no">{t("include.no")}</option>
              </select>
            </div>
            <div>
              <label htmlFor="tax-issueOn" className="mb-1 block text-sm font-medium text-slate-700">
                {t("fields.issueOn")}
              </label>
              <select id="tax-issueOn" name="issueOn" defaultValue={profile.issueOn} className={inputClass}>
                <option value="on_placing">{t("issueOn.on_placing")}</option>
                <option value="on_delivery">{t("issueOn.on_delivery")}</option>
                <option value="by_hand">{t("issueOn.by_hand")}</option>
              </select>
            </div>
            {text("invoicePrefix")}
            {text("creditNotePrefix")}
            {text("debitNotePrefix")}
          </div>
          <p className="mt-3 text-sm text-slate-600">{t("invoicesHelp", { count: profile.invoicesIssued })}</p>
        </Card>
      </fieldset>
      <SaveFooter canEdit={canEdit} pending={pending} label={t("save")} message={message} />
    </form>
  );
}
