import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Ltr } from "@/components/bidi";
import { PageHeading } from "@/components/page-heading";
import { Forbidden } from "@/components/forbidden";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { StackedBars, type BarSeries } from "@/components/charts";
import { can } from "@/server/auth/permissions";
import { requireStoreAccess } from "@/server/stores/store-access";
import { formatMoney, intlLocale, minorUnitDigits } from "@/server/money/money";
import { formatOrderNumber } from "@/server/orders/order-number";
import { CARRIER_IDS, isCarrierId } from "@/server/shipping/carriers";
import { AGING_BUCKETS } from "@/server/cod/cod-rules";
import { MAX_STATEMENT_BYTES } from "@/server/cod/statements";
import {
  cashAging,
  cashByCarrier,
  cashMismatchCount,
  cashMismatches,
  outstandingSeries,
  recentStatements,
  statementLines,
  type Mismatch,
} from "@/server/cod/cod-ledger";
import { isUuid } from "@/server/ids";
import { NoteAction } from "./_components/note-action";
import { FetchStatements } from "./_components/fetch-statements";
import { StatementUpload } from "./_components/statement-upload";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("cod"))("title") };
}

/** A table wider than a phone: it scrolls sideways (with the lists' cue), and the keyboard can reach and scroll it. */
function Wide({ children }: { children: React.ReactNode }) {
  return (
    <div tabIndex={0} className="scroll-cue -mx-4 overflow-x-auto px-4 focus-visible:outline-2 focus-visible:outline-brand-600">
      {children}
    </div>
  );
}

/** The oldest mismatches of each kind are listed; the rest are in the export. */
const MISMATCHES_SHOWN = 25;

const CARRIER_FILLS: Record<string, string> = {
  aramex: "fill-red-500",
  smsa: "fill-sky-600",
  spl: "fill-emerald-600",
  dhl: "fill-amber-400",
  aymakan: "fill-indigo-500",
};
const KIND_COLORS: Record<string, string> = {
  short: "bg-amber-100 text-amber-900",
  over: "bg-sky-100 text-sky-900",
  paid_twice: "bg-sky-100 text-sky-900",
  unknown: "bg-slate-200 text-slate-800",
  refused: "bg-red-100 text-red-800",
  unexpected: "bg-slate-200 text-slate-800",
};

/**
 * Cash on delivery, from the door to the bank: per carrier what was expected, collected, paid out and is
 * still owed; its age; the mismatches to settle; the carriers' statements; and the outstanding cash over time.
 */
async function CashOnDeliveryPage({
  params,
  searchParams,
}: {
  params: Promise<{ storeSlug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "cod.read")) return <Forbidden />;
  const search = await searchParams;
  const manage = can(ctx.role, "cod.manage");
  const [t, tCarrier, locale, carriers, aging, mismatches, mismatchCount, statements, series] = await Promise.all([
    getTranslations("cod"),
    getTranslations("carrierName"),
    getLocale(),
    cashByCarrier(ctx),
    cashAging(ctx),
    cashMismatches(ctx, MISMATCHES_SHOWN),
    cashMismatchCount(ctx),
    recentStatements(ctx),
    outstandingSeries(ctx, store.timeZone, 60),
  ]);
  const opened = search.statement && isUuid(search.statement) ? await statementLines(ctx, search.statement).catch(() => null) : null;
  const base = `/s/${store.slug}/cod`;
  const money = (minor: number) => formatMoney(minor, store.currency, intlLocale(locale));
  const carrierName = (id: string) => (isCarrierId(id) ? tCarrier(id) : id);
  const number = new Intl.NumberFormat(intlLocale(locale));
  const day = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: store.timeZone });
  const shortDay = new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "short", timeZone: "UTC" });
  const mediumDay = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: "UTC" });
  const compact = new Intl.NumberFormat(intlLocale(locale), { notation: "compact", maximumFractionDigits: 1 });
  const scale = 10 ** minorUnitDigits(store.currency);
  const outstanding = carriers.reduce((n, c) => n + Math.max(0, c.outstanding), 0);
  const orderLink = (order: { id: string; number: number } | null) =>
    order ? (
      <Link href={`/s/${store.slug}/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
        {formatOrderNumber(order.number)}
      </Link>
    ) : (
      <span className="text-slate-600">{t("noOrder")}</span>
    );
  const chartSeries: BarSeries[] = series.carriers.map((c) => ({ key: c, label: carrierName(c), className: CARRIER_FILLS[c] ?? "fill-slate-500" }));
  const columns = ["carrier", "parcels", "expected", "collected", "remitted", "settled", "outstanding", "unmatched"] as const;

  const mismatchItem = (m: Mismatch) => {
    const id = "collectionId" in m.target ? m.target.collectionId : m.target.lineId;
    return (
      <li key={id} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="cod-mismatch" data-kind={m.kind}>
        <div className="min-w-0 space-y-1 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${KIND_COLORS[m.kind]}`}>{t(`kind.${m.kind}`)}</span>
            {orderLink(m.order)}
            <span className="text-slate-600">{carrierName(m.carrier)}</span>
            {m.trackingNumber && <Ltr className="text-slate-700">{m.trackingNumber}</Ltr>}
          </p>
          <p className="text-slate-700">
            {m.expected !== null ? t("expectedPaid", { expected: money(m.expected), paid: money(m.paid) }) : t("paidOnly", { paid: money(m.paid) })}
            {" · "}
            <span className={m.difference > 0 ? "font-medium text-red-700" : "font-medium text-sky-800"}>
              {m.difference > 0 ? t("owed", { amount: money(m.difference) }) : t("overpaid", { amount: money(-m.difference) })}
            </span>
          </p>
          {m.statement && (
            <p className="text-xs text-slate-600">
              {t("inStatement")} <Ltr>{m.statement}</Ltr>
            </p>
          )}
        </div>
        {manage && (
          <NoteAction
            storeSlug={store.slug}
            action={"collectionId" in m.target ? "settleCollection" : "settleLine"}
            id={id}
            label={t("settle")}
            confirm={t("settleConfirm")}
            noteLabel={t("settleNote")}
          />
        )}
      </li>
    );
  };

  return (
    <main className="max-w-5xl space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeading title={t("title")} intro={t("intro")} />
        <div className="flex gap-2">
          <a href={`${base}/export`} className={buttonClass("secondary")} download>
            {t("export")}
          </a>
          <a href={`${base}/export?format=xlsx`} className={buttonClass("secondary")} download>
            {t("exportExcel")}
          </a>
        </div>
      </div>

      <dl className="grid gap-3 sm:grid-cols-3">
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">{t("stillOwed")}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid="cod-outstanding">
            {money(outstanding)}
          </dd>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">{t("mismatchesOpen")}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums">{number.format(mismatchCount)}</dd>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">{t("statementsRecorded")}</dt>
          <dd className="mt-1 text-xl font-semibold tabular-nums">{number.format(statements.filter((s) => !s.reversed).length)}</dd>
        </div>
      </dl>

      <Card title={t("byCarrier")}>
        {carriers.length === 0 ? (
          <p className="text-sm text-slate-600">{t("nothingYet")}</p>
        ) : (
          <Wide>
            <table className="w-full min-w-[48rem] text-sm" data-testid="cod-carriers">
              <thead>
                <tr className="text-xs text-slate-600">
                  {columns.map((col) => (
                    <th key={col} scope="col" className="pb-2 pe-3 text-start font-medium">
                      {t(`columns.${col}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {carriers.map((c) => (
                  <tr key={c.carrier} className="border-t border-slate-100" data-carrier={c.carrier}>
                    <th scope="row" className="py-2 pe-3 text-start font-medium">
                      {carrierName(c.carrier)}
                    </th>
                    <td className="py-2 pe-3 tabular-nums">{number.format(c.parcels)}</td>
                    <td className="py-2 pe-3 tabular-nums">{money(c.expected)}</td>
                    <td className="py-2 pe-3 tabular-nums">{money(c.collected)}</td>
                    <td className="py-2 pe-3 tabular-nums">{money(c.remitted)}</td>
                    <td className="py-2 pe-3 tabular-nums">{money(c.settled)}</td>
                    <td className={`py-2 pe-3 font-semibold tabular-nums ${c.outstanding > 0 ? "text-red-700" : ""}`}>{money(c.outstanding)}</td>
                    <td className="py-2 tabular-nums">{money(c.unmatched)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Wide>
        )}
      </Card>

      {series.carriers.length > 0 && (
        <Card title={t("chartTitle")}>
          <StackedBars
            days={series.days}
            series={chartSeries}
            values={(d, k) => Math.max(0, series.values[k]?.[series.days.indexOf(d)] ?? 0)}
            axis={{
              rtl: locale === "ar",
              dayLabel: (d) => shortDay.format(new Date(`${d}T00:00:00Z`)),
              valueLabel: (n) => compact.format(n / scale),
            }}
            label={t("chartLabel", { days: series.days.length })}
            title={(d) =>
              t("chartDay", {
                day: mediumDay.format(new Date(`${d}T00:00:00Z`)),
                amount: money(series.carriers.reduce((n, c) => n + Math.max(0, series.values[c][series.days.indexOf(d)]), 0)),
              })
            }
          />
        </Card>
      )}

      <Card title={t("agingTitle")}>
        {aging.length === 0 ? (
          <p className="text-sm text-slate-600">{t("nothingOwed")}</p>
        ) : (
          <Wide>
            <table className="w-full min-w-[36rem] text-sm" data-testid="cod-aging">
              <thead>
                <tr className="text-xs text-slate-600">
                  <th scope="col" className="pb-2 pe-3 text-start font-medium">
                    {t("columns.carrier")}
                  </th>
                  {AGING_BUCKETS.map((b) => (
                    <th key={b} scope="col" className="pb-2 pe-3 text-start font-medium">
                      {t(`aging.${b}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {aging.map((a) => (
                  <tr key={a.carrier} className="border-t border-slate-100">
                    <th scope="row" className="py-2 pe-3 text-start font-medium">
                      {carrierName(a.carrier)}
                    </th>
                    {AGING_BUCKETS.map((b) => (
                      <td key={b} className={`py-2 pe-3 tabular-nums ${b === "over30" && a.buckets[b].amount > 0 ? "font-semibold text-red-700" : ""}`}>
                        {money(a.buckets[b].amount)}
                        <span className="block text-xs text-slate-600">{t("parcels", { n: a.buckets[b].parcels })}</span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Wide>
        )}
      </Card>

      <Card title={t("mismatchesTitle")}>
        {mismatches.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="cod-no-mismatches">
            {t("noMismatches")}
          </p>
        ) : (
          <>
            <ul className="divide-y divide-slate-100">{mismatches.map(mismatchItem)}</ul>
            {mismatchCount > mismatches.length && (
              <p className="mt-2 text-sm text-slate-600">{t("moreMismatches", { shown: mismatches.length, n: mismatchCount })}</p>
            )}
          </>
        )}
      </Card>

      <Card title={t("statementsTitle")}>
        <div className="space-y-6">
          {manage && (
            <>
              <StatementUpload base={base} maxBytes={MAX_STATEMENT_BYTES} carriers={[...CARRIER_IDS]} />
              <FetchStatements storeSlug={store.slug} base={base} carriers={[...CARRIER_IDS]} />
            </>
          )}
          {search.recorded && opened && (
            <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="cod-recorded">
              {search.recorded === "again"
                ? t("recordedAgain", { reference: opened.statement.reference })
                : t("recorded", { reference: opened.statement.reference, lines: opened.statement.lineCount, mismatches: opened.statement.mismatchCount })}
            </p>
          )}
          {statements.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noStatements")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="cod-statements">
              {statements.map((s) => (
                <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm">
                  <div className="space-y-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <Link href={`${base}?statement=${s.id}#lines`} className="font-medium text-brand-700 hover:underline">
                        <Ltr>{s.reference}</Ltr>
                      </Link>
                      <span className="text-slate-600">{carrierName(s.carrier)}</span>
                      {s.reversed && <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs">{t("reversed")}</span>}
                    </p>
                    <p className="text-slate-700">
                      {t("statementLine", { total: money(s.statedTotal), lines: s.lineCount, matched: s.matchedCount, mismatches: s.mismatchCount })}
                    </p>
                    <p className="text-xs text-slate-600">
                      {t(s.source === "carrier" ? "fetchedBy" : "uploadedBy", { name: s.createdByName, date: day.format(new Date(s.createdAt)) })}
                      {s.paidOn && ` · ${t("paidOn", { date: mediumDay.format(new Date(`${s.paidOn}T00:00:00Z`)) })}`}
                    </p>
                    {s.reversed && (
                      <p className="text-xs text-slate-600">
                        {t("reversedBy", { name: s.reversed.by ?? "", date: day.format(new Date(s.reversed.at)) })} <bdi>{s.reversed.note}</bdi>
                      </p>
                    )}
                  </div>
                  {manage && !s.reversed && (
                    <NoteAction
                      storeSlug={store.slug}
                      action="reverseStatement"
                      id={s.id}
                      label={t("reverse")}
                      confirm={t("reverseConfirm")}
                      noteLabel={t("reverseNote")}
                      danger
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card>

      {opened && (
        <Card
          title={
            <span id="lines">
              {t("linesOf")} <Ltr>{opened.statement.reference}</Ltr>
            </span>
          }
        >
          <Wide>
            <table className="w-full min-w-[32rem] text-sm" data-testid="cod-lines">
              <thead>
                <tr className="text-xs text-slate-600">
                  {(["line", "tracking", "amount", "order", "outcome"] as const).map((col) => (
                    <th key={col} scope="col" className="pb-2 pe-3 text-start font-medium">
                      {t(`lineColumns.${col}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {opened.lines.map((l) => (
                  <tr key={l.lineNo} className="border-t border-slate-100">
                    <td className="py-2 pe-3 tabular-nums">{l.lineNo}</td>
                    <td className="py-2 pe-3">
                      <Ltr>{l.trackingNumber ?? ""}</Ltr>
                    </td>
                    <td className="py-2 pe-3 tabular-nums">{money(l.amount)}</td>
                    <td className="py-2 pe-3">{orderLink(l.order)}</td>
                    <td className="py-2">{t(`outcome.${l.outcome}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Wide>
        </Card>
      )}
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/cod/page", CashOnDeliveryPage);
