import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/money";
import { intlLocale } from "@/server/money/money";
import { formatOrderNumber } from "@/server/orders/order-number";
import type { CustomerRiskDto } from "@/server/customers/customer-risk";
import type { RiskBand } from "@/server/customers/risk-factors";
import { DEFAULT_RISK_SETTINGS } from "@/server/customers/risk-factors";

const BAND_STYLE: Record<RiskBand, string> = {
  low: "bg-emerald-100 text-emerald-900",
  medium: "bg-amber-100 text-amber-900",
  high: "bg-red-100 text-red-900",
};

/**
 * The customer's cash-on-delivery risk, explained: the band and score, then every factor with what was
 * measured, the points it adds of its weight, and the orders behind it. Blocking stays a person's decision.
 */
export async function RiskCard({ risk, storeSlug, currency }: { risk: CustomerRiskDto; storeSlug: string; currency: string }) {
  const [t, locale] = await Promise.all([getTranslations("customerRisk"), getLocale()]);
  const percent = new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 0 });
  const { burst } = DEFAULT_RISK_SETTINGS;
  const valueOf = (f: CustomerRiskDto["factors"][number]) => {
    switch (f.factor) {
      case "returnShare":
        return percent.format(f.value);
      case "codBurst":
        return t("values.burst", { n: f.value, hours: burst.hours });
      case "firstOrderAboveMedian":
      case "incompleteAddress":
        return f.value ? t("values.yes") : t("values.no");
      default:
        return t("values.count", { n: f.value });
    }
  };
  return (
    <Card
      title={t("title")}
      actions={
        <span data-band={risk.band} className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${BAND_STYLE[risk.band]}`}>
          {t(`band.${risk.band}`)} · <span className="tabular">{t("score", { score: risk.score })}</span>
        </span>
      }
    >
      <ul className="divide-y divide-slate-100 text-sm">
        {risk.factors.map((f) => (
          <li key={f.factor} data-factor={f.factor} className={`py-2 ${f.points ? "" : "text-slate-500"}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className={f.points ? "font-medium text-slate-900" : ""}>{t(`factors.${f.factor}`)}</span>
              <span className="tabular">{t("points", { points: f.points, weight: f.weight })}</span>
            </div>
            <div className="flex flex-wrap items-baseline gap-x-3 text-slate-600">
              <span>{valueOf(f)}</span>
              {f.factor === "firstOrderAboveMedian" && risk.storeMedianTotal !== null && (
                <span>
                  {t("median")} <Money amount={risk.storeMedianTotal} currency={currency} />
                </span>
              )}
              {f.orders.length > 0 && (
                <span className="flex flex-wrap gap-x-2">
                  {f.orders.map((o) => (
                    <Link key={o.id} href={`/s/${storeSlug}/orders/${o.id}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline">
                      {formatOrderNumber(o.number)}
                    </Link>
                  ))}
                </span>
              )}
            </div>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-600">{t("decision")}</p>
    </Card>
  );
}
