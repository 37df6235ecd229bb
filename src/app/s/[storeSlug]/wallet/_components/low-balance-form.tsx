"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { parseMinorUnits } from "@/server/money/money";
import { setLowBalanceThresholdAction } from "../actions";

/** Warn below this balance (owners and admins). */
export function LowBalanceForm({ storeSlug, threshold, currencyDigits }: { storeSlug: string; threshold: number; currencyDigits: number }) {
  const t = useTranslations("wallet");
  const router = useRouter();
  const [value, setValue] = useState((threshold / 10 ** currencyDigits).toFixed(currencyDigits));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const amount = parseMinorUnits(value, currencyDigits);
        startTransition(async () => {
          const result = await setLowBalanceThresholdAction(storeSlug, { lowBalanceThreshold: amount });
          setMessage(
            result.ok
              ? { ok: true, text: t("thresholdSaved") }
              : { ok: false, text: `${t("threshold")}: ${result.error.fields?.lowBalanceThreshold ?? result.error.message}` },
          );
          router.refresh();
        });
      }}
    >
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("threshold")}</span>
        <span className="block w-32">
          <input
            inputMode="decimal"
            dir="ltr"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            className={inputClass}
            aria-invalid={message?.ok === false}
          />
        </span>
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("saveThreshold")}
      </Button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`w-full text-sm ${message.ok ? "text-green-700" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}
