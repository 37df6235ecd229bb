"use client";

import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { formatMoney, moneyLocale, parseMinorUnits } from "@/server/money/money";
import { MAX_TOP_UP, MIN_TOP_UP } from "@/server/wallet/top-up-limits";
import { startTopUpAction } from "../actions";

/** Top up: an amount in riyals, then the payment provider's checkout page, where the owner pays. */
export function TopUpForm({ storeSlug, currency, currencyDigits }: { storeSlug: string; currency: string; currencyDigits: number }) {
  const t = useTranslations("wallet");
  const locale = useLocale();
  const money = (minor: number) => formatMoney(minor, currency, moneyLocale(locale));
  const [amount, setAmount] = useState("500");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const minor = parseMinorUnits(amount, currencyDigits);
        if (!Number.isFinite(minor)) return setError(t("topUpErrors.notAmount"));
        if (minor < MIN_TOP_UP || minor > MAX_TOP_UP) return setError(t("topUpErrors.range", { min: money(MIN_TOP_UP), max: money(MAX_TOP_UP) }));
        setError(null);
        startTransition(async () => {
          const result = await startTopUpAction(storeSlug, { amount: minor });
          if (result.ok && result.data.checkoutUrl) {
            window.location.assign(result.data.checkoutUrl);
            return;
          }
          if (result.ok) return;
          if (result.error.code === "FORBIDDEN") setError(t("ownerTopsUp"));
          else if (result.error.code === "PAYMENT_PROVIDER_ERROR") setError(t("topUpErrors.provider"));
          else if (result.error.fields?.amount) setError(t("topUpErrors.range", { min: money(MIN_TOP_UP), max: money(MAX_TOP_UP) }));
          else setError(t("topUpErrors.provider"));
        });
      }}
    >
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("amountIn", { currency })}</span>
        <input
          inputMode="decimal"
          dir="ltr"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          className={`${inputClass} w-36`}
          aria-invalid={!!error}
          aria-describedby="top-up-help"
        />
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? t("toCheckout") : t("payToTopUp")}
      </Button>
      <p id="top-up-help" className="w-full text-sm text-slate-600">
        {t("topUpHelp")}
      </p>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
