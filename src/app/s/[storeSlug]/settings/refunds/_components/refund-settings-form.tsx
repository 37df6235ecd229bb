"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { SaveFooter } from "@/components/ui/save-footer";
import { inputClass } from "@/components/ui/field";
import { formatMoney, moneyLocale, parseMinorUnits } from "@/server/money/money";
import { saveRefundSettingsAction } from "../actions";

/** Whether staff may refund, and up to how much at once (owners and admins always may). */
export function RefundSettingsForm({
  storeSlug,
  staffRefundLimit,
  currency,
  currencyDigits,
  canEdit,
}: {
  storeSlug: string;
  staffRefundLimit: number;
  currency: string;
  currencyDigits: number;
  canEdit: boolean;
}) {
  const t = useTranslations("refundSettings");
  const locale = useLocale();
  const router = useRouter();
  const [allowed, setAllowed] = useState(staffRefundLimit > 0);
  const [amount, setAmount] = useState(staffRefundLimit > 0 ? (staffRefundLimit / 10 ** currencyDigits).toFixed(currencyDigits) : "");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function save(event: React.FormEvent) {
    event.preventDefault();
    const limit = allowed ? parseMinorUnits(amount, currencyDigits) : 0;
    if (allowed && !(limit > 0)) {
      setMessage({ ok: false, text: t("amountInvalid") });
      return;
    }
    startTransition(async () => {
      const result = await saveRefundSettingsAction(storeSlug, { staffRefundLimit: limit });
      setMessage(
        result.ok
          ? { ok: true, text: limit ? t("savedLimit", { amount: formatMoney(limit, currency, moneyLocale(locale)) }) : t("savedNone") }
          : { ok: false, text: t("amountInvalid") },
      );
      router.refresh();
    });
  }

  return (
    <form onSubmit={save} className="space-y-3">
      <fieldset disabled={!canEdit || pending} className="space-y-2">
        <legend className="sr-only">{t("staff")}</legend>
        <label className="flex min-h-11 items-center gap-3">
          <input type="radio" name="staffRefunds" checked={!allowed} onChange={() => setAllowed(false)} className="size-5 accent-brand-600" />
          <span>{t("none")}</span>
        </label>
        <label className="flex min-h-11 flex-wrap items-center gap-3">
          <input type="radio" name="staffRefunds" checked={allowed} onChange={() => setAllowed(true)} className="size-5 accent-brand-600" />
          <span>{t("upTo")}</span>
          <span className="flex items-center gap-2">
            <input
              aria-label={t("amount", { currency })}
              inputMode="decimal"
              dir="ltr"
              value={amount}
              onChange={(e) => {
                setAmount(e.target.value);
                setAllowed(true);
              }}
              className={`${inputClass} w-32`}
              aria-invalid={message?.ok === false}
            />
            <span className="text-sm text-slate-600">{currency}</span>
          </span>
        </label>
      </fieldset>
      <p className="text-sm text-slate-600">{t("help")}</p>
      <SaveFooter canEdit={canEdit} pending={pending} label={t("save")} message={message} />
    </form>
  );
}
