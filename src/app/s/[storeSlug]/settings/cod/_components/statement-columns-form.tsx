"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SaveFooter } from "@/components/ui/save-footer";
import { inputClass } from "@/components/ui/field";
import { CarrierSelect } from "@/components/carrier-select";
import { DEFAULT_STATEMENT_COLUMNS, type StatementColumns } from "@/server/cod/statement-columns";
import type { CarrierId } from "@/server/shipping/carriers";
import { saveStatementColumnsAction } from "../actions";

const FIELDS = ["tracking", "amount", "reference", "paidOn"] as const;

/** The headings of each carrier's statement file: which column holds the tracking number, the amount, the statement's number and date. */
export function StatementColumnsForm({ storeSlug, columns, canEdit }: { storeSlug: string; columns: Record<CarrierId, StatementColumns>; canEdit: boolean }) {
  const t = useTranslations("codSettings");
  const router = useRouter();
  const carriers = Object.keys(columns) as CarrierId[];
  const [carrier, setCarrier] = useState<CarrierId>(carriers[0]);
  const [value, setValue] = useState(columns[carriers[0]]);
  const [message, setMessage] = useState<{ ok: boolean; text: string; fields?: Record<string, string> } | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      aria-label={t("columnsTitle")}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await saveStatementColumnsAction(storeSlug, { carrier, columns: value });
          setMessage(result.ok ? { ok: true, text: t("saved") } : { ok: false, text: result.error.message, fields: result.error.fields });
          if (result.ok) router.refresh();
        });
      }}
    >
      <p className="text-sm text-slate-600">{t("columnsHelp")}</p>
      <CarrierSelect
        label={t("carrier")}
        carriers={carriers}
        value={carrier}
        onChange={(next) => {
          setCarrier(next);
          setValue(columns[next]);
          setMessage(null);
        }}
      />
      <fieldset disabled={!canEdit || pending} className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <label key={field} className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t(`columns.${field}`)}</span>
            <input
              value={value[field]}
              onChange={(e) => setValue({ ...value, [field]: e.target.value })}
              maxLength={60}
              dir="auto"
              className={inputClass}
              aria-invalid={!!message?.fields?.[`columns.${field}`]}
            />
            {message?.fields?.[`columns.${field}`] && <span className="mt-1 block text-sm text-red-700">{message.fields[`columns.${field}`]}</span>}
          </label>
        ))}
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("amountIn")}</span>
          <select
            value={value.amountIn}
            onChange={(e) => setValue({ ...value, amountIn: e.target.value as StatementColumns["amountIn"] })}
            className={inputClass}
          >
            <option value="major">{t("amountMajor")}</option>
            <option value="minor">{t("amountMinor")}</option>
          </select>
        </label>
        <div className="flex items-end">
          <button type="button" className="min-h-11 text-sm text-brand-700 underline" onClick={() => setValue(DEFAULT_STATEMENT_COLUMNS[carrier])}>
            {t("usual")}
          </button>
        </div>
      </fieldset>
      <SaveFooter canEdit={canEdit} pending={pending} label={t("save")} message={message} />
    </form>
  );
}
