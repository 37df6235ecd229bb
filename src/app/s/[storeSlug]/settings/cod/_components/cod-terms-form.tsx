"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SaveFooter } from "@/components/ui/save-footer";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { parseMinorUnits } from "@/server/money/money";
import type { CodTerms } from "@/server/orders/cod-terms";
import { saveCodTermsAction } from "../actions";

type Row = { city: string; fee: string; min: string; max: string };
const text = (minor: number | null, digits: number) => (minor === null ? "" : (minor / 10 ** digits).toFixed(digits));

/** The fee a cash-on-delivery order pays and the order values it is offered for: for every city, and city by city. */
export function CodTermsForm({
  storeSlug,
  terms,
  cities,
  digits,
  canEdit,
}: {
  storeSlug: string;
  terms: CodTerms;
  cities: { key: string; name: string }[];
  digits: number;
  canEdit: boolean;
}) {
  const t = useTranslations("codSettings");
  const router = useRouter();
  const toRow = (r: { city?: string; fee: number; min: number | null; max: number | null }): Row => ({
    city: r.city ?? "",
    fee: r.fee ? text(r.fee, digits) : "",
    min: text(r.min, digits),
    max: text(r.max, digits),
  });
  const [all, setAll] = useState<Row>(toRow(terms));
  const [rows, setRows] = useState<Row[]>(terms.cities.map(toRow));
  const [message, setMessage] = useState<{ ok: boolean; text: string; fields?: Record<string, string> } | null>(null);
  const [pending, startTransition] = useTransition();
  const amount = (s: string) => (s.trim() === "" ? null : parseMinorUnits(s, digits));
  const fields = (r: Row) => ({ fee: amount(r.fee) ?? 0, min: amount(r.min), max: amount(r.max) });
  const used = new Set(rows.map((r) => r.city));
  const error = (path: string) => message?.fields?.[path];

  const inputs = (r: Row, set: (r: Row) => void, path: string) =>
    (["fee", "min", "max"] as const).map((k) => (
      <label key={k} className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t(`terms.${k}`)}</span>
        <input
          inputMode="decimal"
          dir="ltr"
          value={r[k]}
          onChange={(e) => set({ ...r, [k]: e.target.value })}
          placeholder={k === "fee" ? "0" : t("terms.noLimit")}
          className={inputClass}
          aria-invalid={!!error(`${path}${k}`)}
        />
        {error(`${path}${k}`) && <span className="mt-1 block text-sm text-red-700">{error(`${path}${k}`)}</span>}
      </label>
    ));

  return (
    <form
      aria-label={t("termsTitle")}
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const input = { ...fields(all), cities: rows.filter((r) => r.city).map((r) => ({ city: r.city, ...fields(r) })) };
          const result = await saveCodTermsAction(storeSlug, input);
          setMessage(result.ok ? { ok: true, text: t("saved") } : { ok: false, text: result.error.message, fields: result.error.fields });
          if (result.ok) router.refresh();
        });
      }}
    >
      <p className="text-sm text-slate-600">{t("termsHelp")}</p>
      <fieldset disabled={!canEdit || pending} className="space-y-4">
        <div>
          <h3 className="mb-2 text-sm font-semibold">{t("terms.everyCity")}</h3>
          <div className="grid gap-3 sm:grid-cols-3">{inputs(all, setAll, "")}</div>
        </div>
        {rows.map((r, i) => (
          <div key={i} className="rounded-lg border border-slate-200 p-3" data-testid="cod-terms-city">
            <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
              <label className="block min-w-48 text-sm">
                <span className="mb-1 block font-medium text-slate-700">{t("terms.city")}</span>
                <select value={r.city} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, city: e.target.value } : x)))} className={inputClass}>
                  <option value="">{t("terms.chooseCity")}</option>
                  {cities
                    .filter((c) => c.key === r.city || !used.has(c.key))
                    .map((c) => (
                      <option key={c.key} value={c.key}>
                        {c.name}
                      </option>
                    ))}
                </select>
              </label>
              <Button type="button" variant="ghost" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                {t("terms.remove")}
              </Button>
            </div>
            <div className="grid gap-3 sm:grid-cols-3">{inputs(r, (next) => setRows(rows.map((x, j) => (j === i ? next : x))), `cities.${i}.`)}</div>
          </div>
        ))}
        <Button type="button" variant="secondary" onClick={() => setRows([...rows, { city: "", fee: "", min: "", max: "" }])}>
          {t("terms.addCity")}
        </Button>
      </fieldset>
      <SaveFooter canEdit={canEdit} pending={pending} label={t("termsSave")} message={message} />
    </form>
  );
}
