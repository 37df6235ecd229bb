"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { setCustomerPreferenceAction } from "../actions";

/**
 * One of a customer's own choices (their language, their messages' channel): theirs, or the store's (the first
 * option, value ""). Saved as soon as it is chosen.
 */
export function CustomerPreference({
  storeSlug,
  customerId,
  field,
  value: initial,
  options,
  label,
  help,
  canEdit,
}: {
  storeSlug: string;
  customerId: string;
  field: "locale" | "messagingChannel";
  value: string | null;
  /** [value, words]; the first is the store's choice (""). */
  options: [string, string][];
  label: string;
  help: string;
  canEdit: boolean;
}) {
  const t = useTranslations("customers.language");
  const [value, setValue] = useState<string>(initial ?? "");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <select
        value={value}
        disabled={!canEdit || pending}
        onChange={(e) => {
          const next = e.target.value;
          setValue(next);
          startTransition(async () => {
            const result = await setCustomerPreferenceAction(storeSlug, { customerId, [field]: next || null });
            setMessage(result.ok ? { ok: true, text: t("saved") } : { ok: false, text: result.error.message });
          });
        }}
        className={inputClass}
      >
        {options.map(([v, words]) => (
          <option key={v} value={v}>
            {words}
          </option>
        ))}
      </select>
      <span className="mt-1 block text-xs text-slate-600">{help}</span>
      {message && (
        <span role={message.ok ? "status" : "alert"} className={`mt-1 block text-xs ${message.ok ? "text-emerald-700" : "text-red-700"}`}>
          {message.text}
        </span>
      )}
    </label>
  );
}
