import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LATE_AFTER_HOURS, type Business, type PeriodNumbers } from "@/server/stores/business";
import { formatMoney, intlLocale, minorUnitDigits, moneyLocale } from "@/server/money/money";
import { Card } from "@/components/ui/card";
import { DayLine, StackedBars, type BarSeries } from "@/components/charts";
import { DateField } from "@/components/ui/date-field";
import { Button } from "@/components/ui/button";
import { Ltr, Typed } from "@/components/bidi";

const STATUS_CLASSES: Record<string, string> = {
  received: "fill-slate-400",
  inProgress: "fill-amber-500",
  shipped: "fill-sky-500",
  outForDelivery: "fill-indigo-500",
  delivered: "fill-emerald-600",
  canceled: "fill-red-400",
  returned: "fill-orange-700",
  refundedOrders: "fill-purple-400",
};
const STATUS_WORD: Record<string, string> = {
  received: "received",
  inProgress: "in_progress",
  shipped: "shipped",
  outForDelivery: "out_for_delivery",
  delivered: "delivered",
  canceled: "canceled",
  returned: "returned",
  refundedOrders: "refunded",
};

/** The store's business for a period, against the period before it: numbers, two charts, what sold most. */
export async function BusinessOverview({ business, base, currency }: { business: Business; base: string; currency: string }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const rtl = locale === "ar";
  const number = new Intl.NumberFormat(intlLocale(locale));
  const percent = new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits: 1 });
  const money = (minor: number) => formatMoney(minor, currency, moneyLocale(locale));
  // Each formatter made once for the page: a chart of 90 days asks for hundreds of labels.
  const compact = new Intl.NumberFormat(intlLocale(locale), { notation: "compact", maximumFractionDigits: 1 });
  const scale = 10 ** minorUnitDigits(currency);
  const shortMoney = (minor: number) => compact.format(minor / scale);
  const shortDay = new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "short", timeZone: "UTC" });
  const mediumDay = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: "UTC" });
  const dayLabel = (day: string) => shortDay.format(new Date(`${day}T00:00:00Z`));
  const longDay = (day: string) => mediumDay.format(new Date(`${day}T00:00:00Z`));
  // Whole or one decimal, as a number (the words choose their plural from it; the digits follow the page's format).
  const tenth = (n: number) => Math.round(n * 10) / 10;
  const hours = (h: { hours: number; over: boolean } | null) =>
    !h
      ? "—"
      : h.over
        ? t("home.moreThanDays", { n: Math.round(h.hours / 24) })
        : h.hours < 48
          ? t("home.hours", { n: tenth(h.hours) })
          : t("home.days", { n: tenth(h.hours / 24) });
  const change = (now: number | null, before: number | null, lowerIsBetter = false) => {
    if (now === null || before === null || before === 0) return <span className="text-slate-500">{t("home.noComparison")}</span>;
    const delta = (now - before) / Math.abs(before);
    const good = lowerIsBetter ? delta < 0 : delta > 0;
    return (
      <span className={delta === 0 ? "text-slate-500" : good ? "text-emerald-700" : "text-red-700"}>
        <Ltr>{`${delta > 0 ? "+" : ""}${percent.format(delta)}`}</Ltr> {t("home.vsPrevious")}
      </span>
    );
  };
  const c: PeriodNumbers = business.current;
  const p: PeriodNumbers = business.previous;
  const kpis = [
    { label: t("home.kpi.orders"), value: number.format(c.orders), change: change(c.orders, p.orders) },
    { label: t("home.kpi.revenue"), value: money(c.revenue), change: change(c.revenue, p.revenue) },
    { label: t("home.kpi.averageOrder"), value: c.averageOrder === null ? "—" : money(c.averageOrder), change: change(c.averageOrder, p.averageOrder) },
    {
      label: t("home.kpi.toShip"),
      value: hours(c.shipHours.median),
      change: <span className="text-slate-600">{t("home.p90", { value: hours(c.shipHours.p90) })}</span>,
    },
    {
      label: t("home.kpi.toDeliver"),
      value: hours(c.deliverHours.median),
      change: <span className="text-slate-600">{t("home.p90", { value: hours(c.deliverHours.p90) })}</span>,
    },
    { label: t("home.kpi.returnRate"), value: c.returnRate === null ? "—" : percent.format(c.returnRate), change: change(c.returnRate, p.returnRate, true) },
    { label: t("home.kpi.cancelRate"), value: c.cancelRate === null ? "—" : percent.format(c.cancelRate), change: change(c.cancelRate, p.cancelRate, true) },
  ];
  const series: BarSeries[] = Object.keys(STATUS_CLASSES).map((k) => ({ key: k, label: t(`status.${STATUS_WORD[k]}`), className: STATUS_CLASSES[k] }));
  const byDay = new Map(business.days.map((d) => [d.day, d]));
  const days = business.days.map((d) => d.day);
  const axis = { rtl, dayLabel, valueLabel: (n: number) => number.format(n) };
  const presets = [7, 30, 90];
  return (
    <div className="space-y-4">
      <form method="get" action={base} className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3" aria-label={t("home.period")}>
        <nav aria-label={t("home.presets")} className="flex gap-1">
          {presets.map((n) => (
            <Link
              key={n}
              href={`${base}?days=${n}`}
              className="flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-brand-700 hover:bg-brand-50"
            >
              {t("home.lastDays", { n })}
            </Link>
          ))}
        </nav>
        <div className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("orders.from")}</span>
          <DateField name="from" defaultValue={business.range.from} label={t("orders.from")} />
        </div>
        <div className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("orders.to")}</span>
          <DateField name="to" defaultValue={business.range.to} label={t("orders.to")} />
        </div>
        <Button type="submit" variant="secondary">
          {t("home.apply")}
        </Button>
        <p className="basis-full text-sm text-slate-600">
          {t("home.comparing", {
            from: longDay(business.range.from),
            to: longDay(business.range.to),
            pfrom: longDay(business.previousRange.from),
            pto: longDay(business.previousRange.to),
          })}
        </p>
      </form>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {kpis.map((k) => (
          <div key={k.label} className="rounded-xl border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{k.label}</dt>
            <dd className="tabular mt-1 text-xl font-semibold">{k.value}</dd>
            <dd className="mt-1 text-xs">{k.change}</dd>
          </div>
        ))}
        <div className="rounded-xl border border-slate-200 bg-white p-3">
          <dt className="text-sm text-slate-600">{t("home.kpi.codToCollect")}</dt>
          <dd className="tabular mt-1 text-xl font-semibold">{money(business.codToCollect.amount)}</dd>
          <dd className="mt-1 text-xs text-slate-600">
            <Link href={`${base}/orders?paymentMethod=cash_on_delivery`} className="text-brand-700 underline">
              {t("home.codOrders", { n: business.codToCollect.orders })}
            </Link>
          </dd>
          <dd className="mt-1 text-xs text-slate-600">
            <Link href={`${base}/cod`} className="text-brand-700 underline" data-testid="home-with-carriers">
              {t("home.carriersOwe", { amount: money(business.withCarriers.amount), n: business.withCarriers.parcels })}
            </Link>
          </dd>
        </div>
      </dl>
      <Card
        title={t("home.lateTitle")}
        actions={
          <Link href={`${base}/orders?status=received`} className="text-sm text-brand-700 underline">
            {t("home.seeOrders")}
          </Link>
        }
      >
        <p className={`text-sm ${business.late.orders ? "font-medium text-red-700" : "text-slate-600"}`}>
          {t("home.late", { n: business.late.orders, capped: String(business.late.capped), hours: LATE_AFTER_HOURS })}
        </p>
      </Card>
      <Card title={t("home.ordersPerDay")}>
        <StackedBars
          days={days}
          series={series}
          values={(d, k) => byDay.get(d)?.byStatus[k as keyof (typeof business.days)[number]["byStatus"]] ?? 0}
          axis={axis}
          label={t("home.ordersChart", { n: c.orders, from: longDay(business.range.from), to: longDay(business.range.to) })}
          title={(d) => t("home.dayOrders", { day: longDay(d), n: series.reduce((n, s) => n + (byDay.get(d)?.byStatus[s.key as never] ?? 0), 0) })}
        />
      </Card>
      <Card title={t("home.revenuePerDay")}>
        <DayLine
          days={days}
          values={business.days.map((d) => d.revenue)}
          axis={{ ...axis, valueLabel: shortMoney }}
          label={t("home.revenueChart", { amount: money(c.revenue), from: longDay(business.range.from), to: longDay(business.range.to) })}
          title={(i) => `${longDay(days[i])}: ${money(business.days[i].revenue)}`}
        />
      </Card>
      <Card title={t("home.topProducts")}>
        {business.topProducts.length === 0 ? (
          <p className="text-sm text-slate-600">{t("home.noSales")}</p>
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-start text-slate-600">
                <th className="py-2 text-start font-medium">{t("home.product")}</th>
                <th className="py-2 ps-3 text-end font-medium">{t("home.quantity")}</th>
                <th className="py-2 ps-3 text-end font-medium">{t("home.kpi.revenue")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {business.topProducts.map((p) => (
                <tr key={p.sku}>
                  <td className="py-2">
                    <Typed>{p.name}</Typed> <Ltr className="text-xs text-slate-500">{p.sku}</Ltr>
                  </td>
                  <td className="tabular py-2 ps-3 text-end">{number.format(p.quantity)}</td>
                  <td className="tabular py-2 ps-3 text-end whitespace-nowrap">{money(p.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
