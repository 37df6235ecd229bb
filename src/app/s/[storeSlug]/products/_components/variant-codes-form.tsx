"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { splitCodes } from "@/lib/barcode";
import { SaveRow } from "@/components/ui/save-row";
import { inputClass } from "@/components/ui/field";
import { Typed } from "@/components/bidi";
import { setVariantCodesAction } from "../actions";

/** A variant's barcodes (several, one per line or separated by commas) and its bin at each branch. */
export function VariantCodesForm({
  storeSlug,
  variantId,
  sku,
  barcodes,
  bins,
  branches,
}: {
  storeSlug: string;
  variantId: string;
  sku: string;
  barcodes: string[];
  bins: Record<string, string>;
  branches: { id: string; name: string }[];
}) {
  const t = useTranslations("products.codes");
  const [codes, setCodes] = useState(barcodes.join("\n"));
  const [binValues, setBinValues] = useState<Record<string, string>>(() => Object.fromEntries(branches.map((b) => [b.id, bins[b.id] ?? ""])));
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> } | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const list = splitCodes(codes);
  const fieldProblems = Object.entries(error?.fields ?? {}).filter(([f]) => f.startsWith("barcodes."));

  return (
    <form
      className="mt-2 space-y-3 rounded-lg bg-slate-50 p-3"
      data-testid={`codes-form-${sku}`}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        startTransition(async () => {
          const result = await setVariantCodesAction(storeSlug, {
            variantId,
            barcodes: list,
            bins: Object.fromEntries(Object.entries(binValues).map(([k, v]) => [k, v || null])),
          });
          if (result.ok) {
            setError(null);
            setSaved(true);
            setCodes(result.data.barcodes.join("\n"));
          } else setError(result.error);
        });
      }}
    >
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("barcodes")}</span>
        <textarea
          value={codes}
          onChange={(e) => setCodes(e.target.value)}
          rows={2}
          dir="ltr"
          className={`${inputClass} font-mono`}
          aria-describedby={`codes-help-${variantId}`}
        />
        <span id={`codes-help-${variantId}`} className="mt-1 block text-xs text-slate-600">
          {t("help")}
        </span>
      </label>
      {fieldProblems.map(([field, message]) => (
        <p key={field} className="text-sm text-red-700" role="alert">
          <bdi dir="ltr">{list[Number(field.split(".")[1])] ?? ""}</bdi>: {message}
        </p>
      ))}
      {branches.length > 0 && (
        <fieldset className="flex flex-wrap gap-3">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("bins")}</legend>
          {branches.map((b) => (
            <label key={b.id} className="text-sm">
              <span className="mb-1 block text-slate-600">
                <Typed>{b.name}</Typed>
              </span>
              <input
                value={binValues[b.id] ?? ""}
                onChange={(e) => setBinValues((v) => ({ ...v, [b.id]: e.target.value }))}
                dir="ltr"
                maxLength={32}
                className={`${inputClass} w-32`}
              />
            </label>
          ))}
        </fieldset>
      )}
      <SaveRow label={t("save")} pending={pending} saved={saved ? t("saved") : null} error={error && fieldProblems.length === 0 ? error.message : null} />
    </form>
  );
}
