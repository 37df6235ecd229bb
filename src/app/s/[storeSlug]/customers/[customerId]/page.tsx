import { orNotFound } from "@/server/errors/or-not-found";
import { Ltr } from "@/components/bidi";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { getCustomer } from "@/server/customers/get-customer";
import { can } from "@/server/auth/permissions";
import { formatOrderNumber } from "@/server/orders/order-number";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/money";
import { StatusBadge } from "@/components/status-badge";
import { BlockCustomer } from "../_components/block-customer";
import { CustomerPreference } from "../_components/customer-preference";
import { MESSAGING_CHANNELS } from "@/server/notifications/whatsapp";
import { RiskCard } from "../_components/risk-card";
import { customerRisk } from "@/server/customers/customer-risk";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata({ params }: { params: Promise<{ storeSlug: string; customerId: string }> }) {
  const { storeSlug, customerId } = await params;
  const { ctx } = await requireStoreAccess(storeSlug);
  const customer = await getCustomer(ctx, customerId).catch(() => null);
  return { title: customer?.name ?? (await getTranslations("customers"))("title") };
}

async function CustomerPage({ params }: { params: Promise<{ storeSlug: string; customerId: string }> }) {
  const { storeSlug, customerId } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  const customer = await orNotFound(getCustomer(ctx, customerId));
  const [t, tl, tc, ts, format, risk] = await Promise.all([
    getTranslations("customers"),
    getTranslations("customers.language"),
    getTranslations("customers.channel"),
    getTranslations("smsSettings"),
    getFormatter(),
    customerRisk(ctx, customer.id),
  ]);
  return (
    <main className="space-y-4">
      <Link href={`/s/${store.slug}/customers`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        {t("back")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{customer.name}</h1>
        {customer.blocked && <span className="rounded-full bg-red-100 px-2.5 py-0.5 text-sm font-medium text-red-800">{t("blocked")}</span>}
      </div>
      {customer.blocked && (
        <p role="note" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900">
          {t("blockedSince", { date: format.dateTime(new Date(customer.blocked.at), { dateStyle: "medium" }), reason: customer.blocked.reason })}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("details")}>
          <a href={`tel:${customer.phone}`} dir="ltr" className="tabular inline-flex min-h-11 items-center text-brand-700">
            {customer.phone}
          </a>
          {customer.email && (
            <p>
              <Ltr>{customer.email}</Ltr>
            </p>
          )}
          {customer.city && <p className="text-sm text-slate-600">{[customer.address, customer.city].filter(Boolean).join(" · ")}</p>}
          <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
            <dt className="text-slate-600">{t("orders")}</dt>
            <dd className="tabular text-end font-medium">{customer.stats.orders}</dd>
            <dt className="text-slate-600">{t("spent")}</dt>
            <dd className="text-end font-medium">
              <Money amount={customer.stats.spent} currency={store.currency} />
            </dd>
            <dt className="text-slate-600">{t("returnedOnly")}</dt>
            <dd className="tabular text-end font-medium">{customer.stats.returned}</dd>
            <dt className="text-slate-600">{t("refusedAtIntake")}</dt>
            <dd className="tabular text-end font-medium">{customer.stats.refusedAtIntake}</dd>
          </dl>
          <div className="mt-4 space-y-4">
            <CustomerPreference
              storeSlug={store.slug}
              customerId={customer.id}
              field="locale"
              value={customer.locale}
              options={[
                ["", tl("store", { language: tl(store.locale === "en" ? "en" : "ar") })],
                ["ar", tl("ar")],
                ["en", tl("en")],
              ]}
              label={tl("label")}
              help={tl("help")}
              canEdit={can(ctx.role, "customers.update")}
            />
            <CustomerPreference
              storeSlug={store.slug}
              customerId={customer.id}
              field="messagingChannel"
              value={customer.messaging.own}
              options={[
                ["", tc("store", { channel: ts(`channels.${customer.messaging.store}.label`) })],
                ...MESSAGING_CHANNELS.map((c): [string, string] => [c, ts(`channels.${c}.label`)]),
              ]}
              label={tc("label")}
              help={tc("help")}
              canEdit={can(ctx.role, "customers.update")}
            />
          </div>
          {can(ctx.role, "customers.block") && (
            <div className="mt-4">
              <BlockCustomer storeSlug={store.slug} customerId={customer.id} blocked={!!customer.blocked} />
            </div>
          )}
        </Card>
        <div className="space-y-4 lg:col-span-2">
          <RiskCard risk={risk} storeSlug={store.slug} currency={store.currency} />
          <Card title={t("orders")}>
            <ul className="divide-y divide-slate-100">
              {customer.orders.map((o) => (
                <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link href={`/s/${store.slug}/orders/${o.id}`} className="font-medium text-brand-700 hover:underline">
                    {formatOrderNumber(o.number)}
                  </Link>
                  <span className="text-sm text-slate-600">{format.dateTime(new Date(o.placedAt), { dateStyle: "medium" })}</span>
                  <Money amount={o.totals.total} currency={o.totals.currency} />
                  <StatusBadge status={o.status} paymentStatus={o.payment.status} confirmation={o.confirmation} held={o.heldForReview} />
                </li>
              ))}
            </ul>
          </Card>
          {customer.refusals.length > 0 && (
            <Card title={t("refusals")}>
              <ul className="divide-y divide-slate-100 text-sm">
                {customer.refusals.map((r) => (
                  <li key={r.id} className="flex justify-between gap-2 py-2">
                    <span>{format.dateTime(new Date(r.createdAt), { dateStyle: "medium", timeStyle: "short" })}</span>
                    <Money amount={r.total} currency={store.currency} />
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      </div>
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/customers/[customerId]/page", CustomerPage);
