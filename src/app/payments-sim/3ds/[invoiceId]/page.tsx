import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Field } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { paymentSimulatorEnabled } from "@/server/wallet/payment-provider";
import { simInvoice, THREE_D_SECURE_CODE } from "@/server/wallet/payment-simulator";

export const dynamic = "force-dynamic";

/** The simulated bank's 3-D Secure step: the code it "sent" to the card holder's phone. */
export default async function SimulatedThreeDSecure({
  params,
  searchParams,
}: {
  params: Promise<{ invoiceId: string }>;
  searchParams: Promise<{ payment?: string }>;
}) {
  if (!paymentSimulatorEnabled()) notFound();
  const [{ invoiceId }, { payment }] = await Promise.all([params, searchParams]);
  const invoice = await simInvoice(invoiceId);
  if (!invoice || !payment) notFound();
  const t = await getTranslations("paymentSim");
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("bank")}</p>
      <h1 className="mt-1 text-2xl font-semibold">{t("threeDsTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("threeDsHelp", { code: THREE_D_SECURE_CODE })}</p>
      <form
        method="post"
        action={`/payments-sim/3ds/${invoice.id}/confirm`}
        className="mt-6 space-y-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <input type="hidden" name="payment" value={payment} />
        <Field label={t("code")} name="code" inputMode="numeric" autoComplete="one-time-code" required dir="ltr" />
        <button type="submit" className={buttonClass("primary", "w-full")}>
          {t("confirm")}
        </button>
      </form>
    </main>
  );
}
