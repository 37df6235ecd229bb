import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Ltr } from "@/components/bidi";
import type { StoreContext } from "@/server/auth/context";
import { can } from "@/server/auth/permissions";
import { listOrderDocuments } from "@/server/tax/tax-documents";
import { formatMoney, minorUnitDigits, moneyLocale } from "@/server/money/money";
import { OrderActionButton } from "../../_components/order-action-button";
import { NoteForm } from "./note-form";
import type { CardProps } from "./card-props";

const STATUS_CLASS: Record<string, string> = {
  reported: "bg-green-50 text-green-800 ring-green-600/20",
  reported_with_warnings: "bg-amber-50 text-amber-900 ring-amber-600/20",
  rejected: "bg-red-50 text-red-800 ring-red-600/20",
  pending: "bg-slate-100 text-slate-700 ring-slate-500/20",
  not_required: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

/** The order's tax invoice and notes: each with its files and its reporting to ZATCA; issue by hand. */
export async function InvoiceCard({ review, model, storeSlug, timeZone, ctx }: CardProps & { ctx: StoreContext }) {
  const [t, format, documents] = await Promise.all([getTranslations("order.invoices"), getFormatter(), listOrderDocuments(ctx, review.order.id)]);
  const locale = await getLocale();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, moneyLocale(locale));
  const invoices = documents.filter((d) => d.kind === "invoice");
  const credited = (invoiceId: string) =>
    documents.filter((d) => d.invoice?.id === invoiceId).reduce((sum, d) => sum + (d.kind === "credit_note" ? d.total : -d.total), 0);
  const live = invoices.some((i) => i.total - credited(i.id) > 0);
  const canIssue = model.may.update && !live && review.order.status !== "canceled";
  const base = `/s/${storeSlug}/tax-documents`;
  return (
    <Card title={t("title")}>
      <div className="space-y-3 text-sm" data-testid="invoices">
        {documents.length === 0 && <p className="text-slate-600">{t("none")}</p>}
        <ul className="space-y-3">
          {documents.map((d) => (
            <li key={d.id} className="rounded-lg border border-slate-200 p-2" data-testid="tax-document">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-medium">
                  {t(`kind.${d.kind}`)} <Ltr>{d.number}</Ltr>
                </p>
                <span className={`rounded-full px-2 py-0.5 text-xs ring-1 ring-inset ${STATUS_CLASS[d.report.status]}`}>{t(`report.${d.report.status}`)}</span>
              </div>
              <p className="text-slate-600">
                {format.dateTime(new Date(d.issuedAt), { dateStyle: "medium", timeStyle: "short", timeZone })} · {money(d.total, d.currency)}
                {d.vatRegistered && <> · {t("vat", { amount: money(d.vatTotal, d.currency) })}</>}
              </p>
              {d.invoice && (
                <p className="text-slate-600">{t("against", { number: `\u2068${d.invoice.number}\u2069`, reason: `\u2068${d.reason ?? ""}\u2069` })}</p>
              )}
              {d.report.messages.length > 0 && (
                <ul className="mt-1 list-disc ps-5 text-xs text-slate-700">
                  {d.report.messages.map((m) => (
                    <li key={`${m.code}-${m.message}`}>
                      <Ltr>{m.code}</Ltr>: {m.message}
                    </li>
                  ))}
                </ul>
              )}
              {d.report.status === "rejected" && <p className="mt-1 text-xs text-red-800">{t("rejectedFix")}</p>}
              <div className="mt-1 flex flex-wrap gap-x-4">
                <a className="inline-flex min-h-11 items-center text-brand-700 underline" href={`${base}/${d.id}`} target="_blank" rel="noopener">
                  {t("pdf")}
                </a>
                <a
                  className="inline-flex min-h-11 items-center text-brand-700 underline"
                  href={`${base}/${d.id}?format=receipt`}
                  target="_blank"
                  rel="noopener"
                >
                  {t("receipt")}
                </a>
                {d.hash && (
                  <a className="inline-flex min-h-11 items-center text-brand-700 underline" href={`${base}/${d.id}?format=xml`} download={`${d.number}.xml`}>
                    {t("xml")}
                  </a>
                )}
              </div>
            </li>
          ))}
        </ul>
        {canIssue && <OrderActionButton storeSlug={storeSlug} orderId={review.order.id} action="issueInvoice" />}
        {live && can(ctx.role, "tax.manage") && (
          <NoteForm storeSlug={storeSlug} orderId={review.order.id} digits={minorUnitDigits(review.order.totals.currency)} />
        )}
      </div>
    </Card>
  );
}
