"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SaveFooter } from "@/components/ui/save-footer";
import { inputClass } from "@/components/ui/field";
import { CONFIRMATION_ASK, UNANSWERED_RULES, UNCONFIRMED_LABEL_RULES, type ConfirmationSettings } from "@/server/orders/confirmation-rules";
import { saveConfirmationSettingsAction } from "../actions";

/** Who is asked to confirm a cash-on-delivery order, how long the store waits, and what then. */
export function ConfirmationSettingsForm({ storeSlug, settings, canEdit }: { storeSlug: string; settings: ConfirmationSettings; canEdit: boolean }) {
  const t = useTranslations("confirmationSettings");
  const router = useRouter();
  const [value, setValue] = useState(settings);
  const [message, setMessage] = useState<{ ok: boolean; text: string; fields?: Record<string, string> } | null>(null);
  const [pending, startTransition] = useTransition();
  const select = inputClass.replace("w-full", "w-full sm:w-auto");

  function save(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveConfirmationSettingsAction(storeSlug, value);
      setMessage(result.ok ? { ok: true, text: t("saved") } : { ok: false, text: result.error.message, fields: result.error.fields });
      if (result.ok) router.refresh();
    });
  }

  const choice = (key: "ask" | "whenUnanswered" | "label", options: readonly string[]) => (
    <label className="flex min-h-11 flex-wrap items-center justify-between gap-2 text-sm">
      <span className="font-medium">{t(`${key}.label` as "ask.label")}</span>
      <select value={value[key]} onChange={(e) => setValue({ ...value, [key]: e.target.value })} className={select}>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${key}.${o}` as "ask.off")}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form onSubmit={save} aria-label={t("title")} className="space-y-3">
      <fieldset disabled={!canEdit || pending} className="space-y-3">
        {choice("ask", CONFIRMATION_ASK)}
        <p className="text-sm text-slate-600">{t("askHelp")}</p>
        <label className="flex min-h-11 flex-wrap items-center justify-between gap-2 text-sm">
          <span className="font-medium">{t("waitHours")}</span>
          <input
            inputMode="numeric"
            dir="ltr"
            value={Number.isNaN(value.waitHours) ? "" : String(value.waitHours)}
            onChange={(e) => setValue({ ...value, waitHours: /^\d{1,3}$/.test(e.target.value.trim()) ? Number(e.target.value) : Number.NaN })}
            className={inputClass.replace("w-full", "w-20")}
            aria-invalid={!!message?.fields?.waitHours}
            aria-describedby={message?.fields?.waitHours ? "wait-error" : undefined}
          />
        </label>
        {message?.fields?.waitHours && (
          <p id="wait-error" className="text-sm text-red-700">
            {message.fields.waitHours}
          </p>
        )}
        {choice("whenUnanswered", UNANSWERED_RULES)}
        {choice("label", UNCONFIRMED_LABEL_RULES)}
      </fieldset>
      <SaveFooter canEdit={canEdit} pending={pending} label={t("save")} message={message} />
    </form>
  );
}
