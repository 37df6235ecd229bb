import type { Metadata } from "next";
import { Ltr, Typed } from "@/components/bidi";
import { getFormatter, getTranslations } from "next-intl/server";
import { customerOrderByToken, type CustomerOrderView } from "@/server/orders/customer-view";
import { cache } from "react";
import { orNotFound } from "@/server/errors/or-not-found";
import { formatMoney } from "@/server/money/money";
import { moneyLocale } from "@/components/money";
import { formatOrderNumber } from "@/server/orders/order-number";

// The customer's own page for one order, linked from every SMS. Public by its unguessable token;
// it shows nothing the customer should not see.
export const dynamic = "force-dynamic";

// Metadata and page share one lookup per request.
const load = cache((token: string): Promise<CustomerOrderView> => orNotFound(customerOrderByToken(token)));

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const view = await load((await params).token);
  const t = await getTranslations("customerOrder");
  return {
    title: `${t("title", { number: formatOrderNumber(view.number) })} · ${view.store.name}`,
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

type Search = { answered?: string; problem?: string; step?: string };

export default async function CustomerOrderPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Search> }) {
  const { token } = await params;
  const view = await load(token);
  const search = await searchParams;
  const [t, tp, tDetail, format] = await Promise.all([
    getTranslations("customerOrder"),
    getTranslations("paymentMethod"),
    getTranslations("errors.detail"),
    getFormatter(),
  ]);
  const money = (amount: number) => formatMoney(amount, view.totals.currency, moneyLocale(view.store.locale));
  const date = (iso: string) => format.dateTime(new Date(iso), { day: "numeric", month: "long", year: "numeric", timeZone: view.store.timeZone });
  const time = (iso: string) =>
    format.dateTime(new Date(iso), { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: view.store.timeZone });
  const current = [...view.timeline].reverse().find((s) => s.done);
  return (
    <main className="mx-auto min-h-screen max-w-xl space-y-4 bg-slate-50 px-4 py-6">
      <header className="space-y-1">
        <p className="text-sm font-medium text-brand-700">{view.store.name}</p>
        <h1 className="text-2xl font-semibold">{t("title", { number: formatOrderNumber(view.number) })}</h1>
        <p className="text-sm text-slate-600">{t("placed", { date: date(view.placedAt) })}</p>
      </header>

      <Confirmation
        view={view}
        token={token}
        search={search}
        due={view.confirmation?.dueAt ? time(view.confirmation.dueAt) : null}
        total={money(view.totals.total)}
      />
      {(search.problem === "confirmationTooLate" || search.problem === "confirmationNotAsked") && (
        <p role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          {tDetail(search.problem)}
        </p>
      )}

      <section aria-label={t("progress")} className="rounded-2xl border border-slate-200 bg-white p-4">
        {current && (
          <p className="mb-3 text-lg font-semibold" data-testid="customer-status">
            {t(`steps.${current.step}`)}
          </p>
        )}
        <ol className="space-y-3">
          {view.timeline.map((s) => (
            <li key={s.step} className="flex items-start gap-3">
              <span aria-hidden className={`mt-1 size-3 shrink-0 rounded-full ${s.done ? "bg-brand-600" : "border-2 border-slate-300 bg-white"}`} />
              <span className={s.done ? "text-slate-900" : "text-slate-500"}>
                <span className="block text-sm font-medium">{t(`steps.${s.step}`)}</span>
                {s.at && <span className="block text-xs text-slate-500">{time(s.at)}</span>}
              </span>
            </li>
          ))}
        </ol>
      </section>

      {view.shipment && (
        <section aria-label={t("shipment")} className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4" data-testid="customer-shipment">
          <h2 className="font-semibold">{t("shipment")}</h2>
          <p className="text-sm">
            <Typed>{view.shipment.carrier}</Typed>
            {view.shipment.trackingNumber && (
              <>
                {" · "}
                <Ltr className="font-mono text-slate-600">{view.shipment.trackingNumber}</Ltr>
              </>
            )}
          </p>
          {view.shipment.trackingUrl ? (
            <a
              href={view.shipment.trackingUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-4 font-medium text-white"
            >
              {t("track")}
            </a>
          ) : (
            <p className="text-sm text-slate-600">{t("noTracking")}</p>
          )}
        </section>
      )}

      <section aria-label={t("items")} className="rounded-2xl border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">{t("items")}</h2>
        <ul className="divide-y divide-slate-100">
          {view.items.map((item, i) => (
            <li key={i} className="flex justify-between gap-3 py-2 text-sm">
              <span>
                <Typed>{item.name}</Typed> <span className="text-slate-500">× {format.number(item.quantity)}</span>
              </span>
              <span className="tabular whitespace-nowrap">{money(item.lineTotal)}</span>
            </li>
          ))}
        </ul>
        <dl className="mt-2 space-y-1 border-t border-slate-100 pt-2 text-sm">
          {(
            [
              ["subtotal", view.totals.subtotal],
              ["shipping", view.totals.shippingFee],
              ...(view.totals.codFee ? [["codFee", view.totals.codFee] as const] : []),
              ...(view.totals.discountTotal ? [["discount", -view.totals.discountTotal] as const] : []),
              ...(view.totals.taxTotal ? [["tax", view.totals.taxTotal] as const] : []),
            ] as const
          ).map(([key, amount]) => (
            <div key={key} className="flex justify-between">
              <dt className="text-slate-600">{t(`totals.${key}`)}</dt>
              <dd className="tabular">{money(amount)}</dd>
            </div>
          ))}
          <div className="flex justify-between text-base font-semibold">
            <dt>{t("totals.total")}</dt>
            <dd className="tabular">{money(view.totals.total)}</dd>
          </div>
          {view.totals.refunded > 0 && (
            <div className="flex justify-between text-green-700">
              <dt>{t("totals.refunded")}</dt>
              <dd className="tabular">{money(view.totals.refunded)}</dd>
            </div>
          )}
          <div className="flex justify-between">
            <dt className="text-slate-600">{t("payment")}</dt>
            <dd>{tp(view.paymentMethod)}</dd>
          </div>
        </dl>
      </section>

      {view.documents.length > 0 && (
        <section aria-label={t("documents.title")} className="space-y-2 rounded-2xl border border-slate-200 bg-white p-4" data-testid="customer-documents">
          <h2 className="font-semibold">{t("documents.title")}</h2>
          <ul className="divide-y divide-slate-100">
            {view.documents.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  {t(`documents.kind.${d.kind}`)} <Ltr>{d.number}</Ltr> · {date(d.issuedAt)} · <span className="tabular">{money(d.total)}</span>
                </span>
                <span className="flex gap-4">
                  <a href={d.pdfUrl} target="_blank" rel="noopener" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                    {t("documents.pdf")}
                  </a>
                  {d.xmlUrl && (
                    <a href={d.xmlUrl} download={`${d.number}.xml`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                      {t("documents.xml")}
                    </a>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

/**
 * Cash on delivery the store asks the customer to confirm: two plain forms (they work before any script).
 * Cancelling asks once more, on the same page, before it is sent.
 */
async function Confirmation({
  view,
  token,
  search,
  due,
  total,
}: {
  view: CustomerOrderView;
  token: string;
  search: Search;
  due: string | null;
  total: string;
}) {
  const t = await getTranslations("customerOrder.confirm");
  const c = view.confirmation;
  if (!c) return null;
  if (!c.canAnswer) {
    if (c.state === "confirmed" || (c.state === "declined" && search.answered === "cancel"))
      return (
        <p role="status" className="rounded-2xl border border-green-200 bg-green-50 p-4 text-sm font-medium text-green-800" data-testid="confirmation-done">
          {t(c.state)}
        </p>
      );
    return null;
  }
  const action = `/api/public/orders/${token}/confirmation`;
  const button = "flex min-h-11 w-full items-center justify-center rounded-lg px-4 font-medium";
  return (
    <section aria-labelledby="confirm-title" className="space-y-3 rounded-2xl border-2 border-brand-600 bg-white p-4" data-testid="confirmation">
      <h2 id="confirm-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{c.state === "awaiting" && due ? t("body", { total, due }) : t("bodyLate", { total })}</p>
      {search.step === "cancel" ? (
        <div className="space-y-2">
          <p className="text-sm font-medium">{t("sure")}</p>
          <div className="grid gap-2 sm:grid-cols-2">
            <form method="post" action={action}>
              <input type="hidden" name="answer" value="cancel" />
              <button className={`${button} border border-red-300 bg-red-50 text-red-800`}>{t("sureYes")}</button>
            </form>
            <a href={`/o/${token}`} className={`${button} border border-slate-300 bg-white text-slate-800`}>
              {t("keep")}
            </a>
          </div>
        </div>
      ) : (
        <div className="grid gap-2 sm:grid-cols-2">
          <form method="post" action={action}>
            <input type="hidden" name="answer" value="confirm" />
            <button className={`${button} bg-brand-600 text-white`}>{t("yes")}</button>
          </form>
          <a href={`/o/${token}?step=cancel`} className={`${button} border border-slate-300 bg-white text-slate-800`}>
            {t("no")}
          </a>
        </div>
      )}
    </section>
  );
}
