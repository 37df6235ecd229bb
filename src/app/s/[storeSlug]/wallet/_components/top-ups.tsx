"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { formatMoney, moneyLocale } from "@/server/money/money";
import type { TopUpDto } from "@/server/wallet/top-ups";
import { confirmTopUpAction } from "../actions";

/**
 * Top-ups waiting for their payment, and the outcome of the one the owner just came back from: the
 * browser's return proves nothing, so the server asks the provider, and says what it answered.
 */
export function TopUps({ storeSlug, topUps, returnedFrom }: { storeSlug: string; topUps: TopUpDto[]; returnedFrom: string | null }) {
  const t = useTranslations("wallet");
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const [outcome, setOutcome] = useState<TopUpDto | null>(null);
  const [pending, startTransition] = useTransition();
  const asked = useRef(false);
  const money = (x: TopUpDto) => formatMoney(x.amount, x.currency, moneyLocale(locale));
  const check = (topUpId: string) =>
    startTransition(async () => {
      const result = await confirmTopUpAction(storeSlug, { topUpId });
      if (result.ok) setOutcome(result.data);
      router.refresh();
    });
  useEffect(() => {
    if (!returnedFrom || asked.current) return;
    asked.current = true;
    check(returnedFrom);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [returnedFrom]);

  const waiting = topUps.filter((x) => x.status === "pending" && x.id !== outcome?.id);
  return (
    <div className="space-y-2">
      {returnedFrom && !outcome && (
        <p role="status" className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {t("checking")}
        </p>
      )}
      {outcome && (
        <p
          role="status"
          data-testid="top-up-outcome"
          className={`rounded-lg px-3 py-2 text-sm ${outcome.status === "paid" ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}
        >
          {outcome.status === "paid"
            ? t("topUpPaid", { amount: money(outcome) })
            : outcome.status === "pending"
              ? outcome.lastError
                ? t("topUpNotYetWithReason", { amount: money(outcome), reason: outcome.lastError })
                : t("topUpNotYet", { amount: money(outcome) })
              : t("topUpExpired", { amount: money(outcome) })}
        </p>
      )}
      {waiting.length > 0 && (
        <ul aria-label={t("pendingTopUps")} className="divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm">
          {waiting.map((x) => (
            <li key={x.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span>
                {t("pendingTopUp", { amount: money(x) })} <span className="text-xs text-slate-500">{format.relativeTime(new Date(x.createdAt))}</span>
              </span>
              <span className="flex flex-wrap gap-2">
                {x.checkoutUrl && (
                  <a href={x.checkoutUrl} className={buttonClass("secondary")}>
                    {t("continuePayment")}
                  </a>
                )}
                <button type="button" className={buttonClass("ghost")} disabled={pending} onClick={() => check(x.id)}>
                  {t("checkAgain")}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
