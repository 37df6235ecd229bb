import Link from "next/link";
import { formatOrderNumber } from "@/server/orders/order-number";
import { safeParseInput } from "@/server/http/validation";
import { getFormatter, getTranslations } from "next-intl/server";
import { readReference, type ReadReference } from "@/server/wallet/entry-reference";
import { Typed } from "@/components/bidi";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { getWallet, listWalletEntries, mayTopUp, walletEntriesQuery } from "@/server/wallet/wallet";
import { minorUnitDigits } from "@/server/money/money";
import { Forbidden } from "@/components/forbidden";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/money";
import { buttonClass } from "@/components/ui/button";
import { TopUpForm } from "./_components/top-up-form";
import { TopUps } from "./_components/top-ups";
import { listTopUps } from "@/server/wallet/top-ups";
import { LowBalanceForm } from "./_components/low-balance-form";
import { AdminsTopUpToggle } from "./_components/admins-top-up-toggle";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("wallet"))("title") };
}

async function WalletPage({ params, searchParams }: { params: Promise<{ storeSlug: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "wallet.read")) return <Forbidden />;
  const search = await searchParams;
  const parsed = safeParseInput(walletEntriesQuery, search);
  const query = parsed.success ? parsed.data : walletEntriesQuery.parse({});
  // Back from the payment provider's page: which top-up to ask about (the provider is asked, not the URL believed).
  const returnedFrom = search.topUp && /^[0-9a-f-]{36}$/i.test(search.topUp) ? search.topUp : null;
  const [wallet, entries, topUps, t, format] = await Promise.all([
    getWallet(ctx),
    listWalletEntries(ctx, query),
    listTopUps(ctx),
    getTranslations("wallet"),
    getFormatter(),
  ]);
  const base = `/s/${store.slug}/wallet`;
  const tCarrier = await getTranslations("carrierName");
  // The system's own notes on an entry in the reader's words; a note someone typed, as typed.
  const referenceWords = (r: ReadReference): React.ReactNode => {
    switch (r.form) {
      case "openingBalance":
      case "labelVoided":
      case "labelVoidedOrderMoved":
        return t(`reference.${r.form}`);
      case "carrier":
        return tCarrier(r.carrier as "aramex");
      case "labelNotIssued":
        return t("reference.labelNotIssued", { reason: r.reason });
      case "paymentInvoice":
        return t("reference.paymentInvoice", { invoice: r.invoiceId });
      case "text":
        return <Typed>{r.text}</Typed>;
    }
  };
  const filter = new URLSearchParams(Object.entries({ kind: query.kind, from: query.from, to: query.to }).filter(([, v]) => v) as [string, string][]);
  return (
    <main className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Card>
        <p className="text-sm text-slate-600">{t("balance")}</p>
        <p className="text-3xl font-semibold" data-testid="wallet-balance">
          <Money amount={wallet.balance} currency={wallet.currency} />
        </p>
        {wallet.low && (
          <p role="status" className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("low")}
          </p>
        )}
        {mayTopUp(ctx.role, wallet.adminsMayTopUp) ? (
          <div className="mt-4 space-y-3">
            <TopUpForm storeSlug={store.slug} currency={wallet.currency} currencyDigits={minorUnitDigits(wallet.currency)} />
            <TopUps storeSlug={store.slug} topUps={topUps} returnedFrom={returnedFrom} />
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("ownerTopsUp")}</p>
        )}
        {can(ctx.role, "wallet.topUp") && <AdminsTopUpToggle storeSlug={store.slug} enabled={wallet.adminsMayTopUp} />}
        {can(ctx.role, "settings.manage") ? (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <LowBalanceForm storeSlug={store.slug} threshold={wallet.lowBalanceThreshold} currencyDigits={minorUnitDigits(wallet.currency)} />
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-600">
            {t("thresholdIs")} <Money amount={wallet.lowBalanceThreshold} currency={wallet.currency} />
          </p>
        )}
      </Card>
      <Card
        title={t("ledger")}
        actions={
          <a href={`${base}/export.csv?${filter}`} className={buttonClass("secondary")}>
            {t("export")}
          </a>
        }
      >
        <nav aria-label={t("kinds")} className="mb-3 flex flex-wrap gap-1">
          {(["", "top_up", "label", "refund", "adjustment"] as const).map((k) => (
            <Link
              key={k || "all"}
              href={k ? `${base}?kind=${k}` : base}
              aria-current={(query.kind ?? "") === k ? "page" : undefined}
              className={`min-h-11 rounded-lg px-3 py-2 text-sm ${(query.kind ?? "") === k ? "bg-brand-50 font-medium text-brand-700" : "hover:bg-slate-100"}`}
            >
              {t(`kind.${k || "all"}`)}
            </Link>
          ))}
        </nav>
        <ul className="divide-y divide-slate-100 text-sm">
          {entries.data.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="w-40 text-slate-600">{format.dateTime(new Date(e.createdAt), { dateStyle: "medium", timeStyle: "short" })}</span>
              <span className="flex-1">
                {t(`kind.${e.kind as "label"}`)}
                {e.orderId && (
                  <Link href={`/s/${store.slug}/orders/${e.orderId}`} className="ms-2 text-brand-700 underline">
                    {e.orderNumber ? formatOrderNumber(e.orderNumber) : t("order")}
                  </Link>
                )}
                {e.reference && <span className="ms-2 text-xs text-slate-500">{referenceWords(readReference(e.reference))}</span>}
              </span>
              <span className={`w-28 text-end font-medium ${e.amount < 0 ? "text-red-700" : "text-emerald-700"}`}>
                <Money amount={e.amount} currency={wallet.currency} />
              </span>
              <span className="w-28 text-end text-slate-600">
                <Money amount={e.balanceAfter} currency={wallet.currency} />
              </span>
            </li>
          ))}
        </ul>
        {entries.nextCursor && (
          <Link
            href={`${base}?${new URLSearchParams({ ...Object.fromEntries(filter), cursor: entries.nextCursor })}`}
            className={`${buttonClass("secondary")} mt-3`}
          >
            {t("more")}
          </Link>
        )}
      </Card>
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/wallet/page", WalletPage);
