"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { BoxPresetDto } from "@/server/shipping/manage-box-presets";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { createBoxAction, deleteBoxAction } from "../actions";
import { FieldError } from "./form-bits";

const DIMENSIONS = ["lengthCm", "widthCm", "heightCm"] as const;

/** The boxes the store packs in, offered when a label is prepared. */
export function BoxPresetList({ storeSlug, boxes, canEdit }: { storeSlug: string; boxes: BoxPresetDto[]; canEdit: boolean }) {
  const t = useTranslations("shippingSettings.boxes");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  const [formKey, setFormKey] = useState(0);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const cm = (f: string) => Number(String(form.get(f) ?? "").trim() || NaN);
    startTransition(async () => {
      const result = await createBoxAction(storeSlug, {
        name: String(form.get("name") ?? ""),
        lengthCm: cm("lengthCm"),
        widthCm: cm("widthCm"),
        heightCm: cm("heightCm"),
      });
      setFields(result.ok ? {} : (result.error.fields ?? { form: result.error.message }));
      if (result.ok) setFormKey((k) => k + 1);
    });
  }

  return (
    <div className="space-y-3">
      {boxes.length === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}
      <ul className="divide-y divide-slate-100">
        {boxes.map((b) => (
          <li key={b.id} className="flex flex-wrap items-center gap-3 py-2">
            <span className="font-medium">{b.name}</span>
            <span dir="ltr" className="tabular text-sm text-slate-600">
              {b.lengthCm} × {b.widthCm} × {b.heightCm} cm
            </span>
            {canEdit && (
              <Button
                type="button"
                variant="ghost"
                className="ms-auto"
                disabled={pending}
                onClick={() => startTransition(async () => void (await deleteBoxAction(storeSlug, { presetId: b.id })))}
              >
                {t("remove", { name: b.name })}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <form key={formKey} onSubmit={submit} aria-label={t("add")} className="flex flex-wrap items-start gap-2">
          <div className="w-44">
            <input name="name" aria-label={t("name")} placeholder={t("name")} maxLength={40} className={inputClass} />
            <FieldError message={fields.name} />
          </div>
          {DIMENSIONS.map((d) => (
            <div key={d} className="w-24">
              <input name={d} inputMode="decimal" dir="ltr" aria-label={t(d)} placeholder={t(d)} className={inputClass} />
              <FieldError message={fields[d]} />
            </div>
          ))}
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("add")}
          </Button>
          <FieldError message={fields.form} />
        </form>
      )}
    </div>
  );
}
