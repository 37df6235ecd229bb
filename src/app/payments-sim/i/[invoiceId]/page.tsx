import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Field } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { formatMoney, moneyLocale } from "@/server/money/money";
import { paymentSimulatorEnabled } from "@/server/wallet/payment-provider";
import { simInvoice, TEST_CARDS } from "@/server/wallet/payment-simulator";

export const dynamic = "force-dynamic";

const ERRORS = ["name", "number", "expiry", "cvc", "expired", "declined", "three_d_secure"] as const;

/** The simulated provider's hosted checkout page (Moyasar's, in a demo): the card is typed here, never in Tajer. */
export default async function SimulatedCheckout({
  params,
  searchParams,
}: {
  params: Promise<{ invoiceId: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  if (!paymentSimulatorEnabled()) notFound();
  const [{ invoiceId }, { error }] = await Promise.all([params, searchParams]);
  const invoice = await simInvoice(invoiceId);
  if (!invoice) notFound();
  const [t, locale] = await Promise.all([getTranslations("paymentSim"), getLocale()]);
  const amount = formatMoney(invoice.amount, invoice.currency, moneyLocale(locale));
  const problem = ERRORS.find((e) => e === error);
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("provider")}</p>
      <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-slate-600">{invoice.description}</p>
      <p className="mt-4 text-3xl font-semibold" data-testid="checkout-amount">
        {amount}
      </p>
      {invoice.status !== "initiated" ? (
        <p role="status" className="mt-6 rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900">
          {t("alreadyPaid")}{" "}
          {invoice.successUrl && (
            <a href={invoice.successUrl} className="font-medium underline">
              {t("backToStore")}
            </a>
          )}
        </p>
      ) : (
        <form method="post" action={`/payments-sim/i/${invoice.id}/pay`} className="mt-6 space-y-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          {problem && (
            <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
              {t(`errors.${problem}`)}
            </p>
          )}
          <Field label={t("name")} name="name" autoComplete="cc-name" required dir="ltr" />
          <Field label={t("number")} name="number" inputMode="numeric" autoComplete="cc-number" required dir="ltr" placeholder="4111 1111 1111 1111" />
          <div className="grid grid-cols-2 gap-3">
            <Field label={t("expiry")} name="expiry" inputMode="numeric" autoComplete="cc-exp" required dir="ltr" placeholder="MM/YY" />
            <Field label={t("cvc")} name="cvc" inputMode="numeric" autoComplete="cc-csc" required dir="ltr" placeholder="123" />
          </div>
          <button type="submit" className={buttonClass("primary", "w-full")}>
            {t("pay", { amount })}
          </button>
          {invoice.backUrl && (
            <a href={invoice.backUrl} className={buttonClass("ghost", "w-full")}>
              {t("cancel")}
            </a>
          )}
        </form>
      )}
      <section aria-labelledby="test-cards" className="mt-6 rounded-xl bg-slate-50 p-4 text-sm">
        <h2 id="test-cards" className="font-semibold">
          {t("testCards")}
        </h2>
        <ul className="mt-2 space-y-1">
          {Object.entries(TEST_CARDS).map(([number, behaviour]) => (
            <li key={number} className="flex flex-wrap justify-between gap-2">
              <bdi dir="ltr" className="font-mono">
                {number.replace(/(\d{4})(?=\d)/g, "$1 ")}
              </bdi>
              <span className="text-slate-600">{t(`cards.${behaviour}`)}</span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
