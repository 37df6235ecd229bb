import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { carrierScorecard, getCarrierChoice, SCORECARD_PERIODS, type ScorecardPeriod } from "@/server/shipping/scorecard";
import { MIN_DELIVERIES, type CarrierStats } from "@/server/shipping/carrier-ranking";
import { isKnownCity } from "@/server/shipping/cities";
import { isCarrierId } from "@/server/shipping/carriers";
import { formatMoney, intlLocale } from "@/server/money/money";
import { Forbidden } from "@/components/forbidden";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Typed } from "@/components/bidi";
import { PageHeading } from "@/components/page-heading";
import { CarrierChoiceForm } from "../_components/carrier-choice-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("scorecard"))("title") };
}

type Search = { days?: string; city?: string };

/** Settings → Shipping → Carrier scorecard: each carrier's deliveries, city by city, and the rule that picks one. */
async function ScorecardPage({ params, searchParams }: { params: Promise<{ storeSlug: string }>; searchParams: Promise<Search> }) {
  const { storeSlug } = await params;
  const asked = await searchParams;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "reports.read")) return <Forbidden />;
  const days = (SCORECARD_PERIODS as readonly number[]).includes(Number(asked.days)) ? (Number(asked.days) as ScorecardPeriod) : 90;
  const [scorecard, choice, t, tCity, tCarrier, locale] = await Promise.all([
    carrierScorecard(ctx, days),
    getCarrierChoice(ctx),
    getTranslations("scorecard"),
    getTranslations("cities"),
    getTranslations("carrierName"),
    getLocale(),
  ]);
  const cityName = (key: string) => (isKnownCity(key) ? tCity(key as "riyadh") : <Typed>{key}</Typed>);
  const carrierName = (id: string) => (isCarrierId(id) ? tCarrier(id) : id);
  const number = (n: number) => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(n);
  const percent = (share: number | null) => (share === null ? "—" : `${number(Math.round(share * 100))}%`);
  const dayCount = (d: number | null, over = false) => (d === null ? "—" : over ? t("over") : t("days", { days: number(d) }));
  const shown = asked.city ? scorecard.cities.filter((c) => c.city === asked.city) : scorecard.cities;
  const columns = ["carrier", "labels", "median", "p90", "onTime", "returned", "rating", "cost"] as const;

  const row = (s: CarrierStats) => (
    <tr key={s.carrier} className={`border-t border-slate-100 ${s.thin ? "text-slate-500" : ""}`} data-carrier={s.carrier}>
      <th scope="row" className="py-2 pe-3 text-start font-medium">
        {carrierName(s.carrier)}
        {s.thin && <span className="block text-xs font-normal">{t("thin", { delivered: s.delivered, min: MIN_DELIVERIES })}</span>}
      </th>
      <td className="py-2 pe-3 tabular-nums">{s.labels}</td>
      <td className="py-2 pe-3 tabular-nums">{s.thin ? "—" : dayCount(s.medianDays)}</td>
      <td className="py-2 pe-3 tabular-nums">{s.thin ? "—" : dayCount(s.p90Days, s.over)}</td>
      <td className="py-2 pe-3 tabular-nums">{s.thin ? "—" : percent(s.onTimeShare)}</td>
      <td className="py-2 pe-3 tabular-nums">{percent(s.returnShare)}</td>
      <td className="py-2 pe-3 tabular-nums">
        {s.rating !== null ? t("ratingOf", { rating: number(s.rating), count: s.ratingCount }) : t("fewRatings", { count: s.ratingCount })}
      </td>
      <td className="py-2 tabular-nums">{s.averageCost === null ? "—" : formatMoney(s.averageCost, store.currency, intlLocale(locale))}</td>
    </tr>
  );

  return (
    <main className="max-w-5xl space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeading title={t("title")} intro={t("intro", { min: MIN_DELIVERIES })} />
        <Link href={`/s/${store.slug}/settings/shipping`} className={buttonClass("secondary")}>
          {t("back")}
        </Link>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("show")}>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("period")}</span>
          <select name="days" defaultValue={String(days)} className={inputClass}>
            {SCORECARD_PERIODS.map((d) => (
              <option key={d} value={d}>
                {t(`periods.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("city")}</span>
          <select name="city" defaultValue={asked.city ?? ""} className={inputClass}>
            <option value="">{t("allCities")}</option>
            {scorecard.cities.map((c) => (
              <option key={c.city} value={c.city}>
                {isKnownCity(c.city) ? tCity(c.city as "riyadh") : c.city}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          {t("show")}
        </button>
      </form>

      {shown.length === 0 && <p className="rounded-lg bg-slate-50 px-4 py-6 text-center text-slate-600">{t("empty")}</p>}
      {shown.map((c) => (
        <Card
          key={c.city}
          title={
            <>
              {cityName(c.city)} <span className="ms-2 text-sm font-normal text-slate-600">{t("labelsIn", { labels: c.labels })}</span>
            </>
          }
        >
          <div className="overflow-x-auto">
            <table className="w-full min-w-[44rem] table-fixed text-sm" data-city={c.city}>
              <thead>
                <tr className="text-start text-xs text-slate-600">
                  {columns.map((col) => (
                    <th key={col} scope="col" className={`pb-2 pe-3 text-start font-medium ${col === "carrier" ? "w-1/4" : ""}`}>
                      {t(`columns.${col}`, { days: scorecard.onTimeDays })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{c.carriers.map(row)}</tbody>
            </table>
          </div>
        </Card>
      ))}

      <Card title={t("choice.title")}>
        <CarrierChoiceForm storeSlug={store.slug} choice={choice} canEdit={can(ctx.role, "settings.manage")} />
      </Card>
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/settings/shipping/scorecard/page", ScorecardPage);
