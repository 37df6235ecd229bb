"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { parseMinorUnits } from "@/server/money/money";
import { topUpAction } from "../actions";

export function TopUpForm({ storeSlug, currencyDigits }: { storeSlug: string; currencyDigits: number }) {
  const t = useTranslations("wallet");
  const router = useRouter();
  const [amount, setAmount] = useState("500");
  const [reference, setReference] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await topUpAction(storeSlug, { amount: parseMinorUnits(amount, currencyDigits), reference });
          setFields(result.ok ? {} : (result.error.fields ?? { form: result.error.message }));
          if (result.ok) setReference("");
          router.refresh();
        });
      }}
    >
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("amount")}</span>
        <input inputMode="decimal" dir="ltr" value={amount} onChange={(e) => setAmount(e.target.value)} className={`${inputClass} w-32`} aria-invalid={!!fields.amount} />
      </label>
      <label className="block flex-1 text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("reference")}</span>
        <input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={100} className={inputClass} aria-invalid={!!fields.reference} />
      </label>
      <Button type="submit" disabled={pending}>
        {t("topUp")}
      </Button>
      {Object.keys(fields).length > 0 && (
        <p role="alert" className="w-full text-sm text-red-700">
          {Object.entries(fields)
            .map(([f, m]) => (f === "form" ? m : `${t(f === "amount" ? "amount" : "reference")}: ${m}`))
            .join(" · ")}
        </p>
      )}
    </form>
  );
}
