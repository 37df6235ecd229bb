import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { listOrders } from "@/server/orders/list-orders";
import { listOrdersQuery } from "@/server/orders/schemas";
import type { OrderSummaryDto } from "@/server/orders/order-dto";
import { StatusBadge } from "@/components/status-badge";
import { LateBadge } from "@/components/late-badge";
import { Money } from "@/components/money";
import { Ltr, Typed } from "@/components/bidi";
import { PageHeading } from "@/components/page-heading";
import { buttonClass } from "@/components/ui/button";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("work"))("title") };
}

const OPEN = ["received", "in_progress", "shipped", "out_for_delivery"] as const;

/**
 * Each person's home queue: the orders assigned to them that are late by the store's rules, first, then
 * the rest still open, by status. Read as the list reads them (the same filters and keyset pages).
 */
async function MyWorkPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  const t = await getTranslations("work");
  const mine = (extra: Record<string, string>) => listOrders(ctx, listOrdersQuery.parse({ assignee: "me", limit: "50", ...extra }));
  const [late, ...open] = await Promise.all([mine({ late: "1" }), ...OPEN.map((status) => mine({ status }))]);
  const lateIds = new Set(late.data.map((o) => o.id));
  const rest = open.flatMap((p) => p.data).filter((o) => !lateIds.has(o.id));
  const base = `/s/${store.slug}`;
  const row = (o: OrderSummaryDto) => (
    <li key={o.id}>
      <Link href={`${base}/orders/${o.id}`} className="flex min-h-14 flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 hover:bg-slate-50">
        <span className="font-semibold">
          <Ltr>#{o.number}</Ltr>
        </span>
        <Typed className="min-w-0 flex-1 truncate">{o.customer.name}</Typed>
        <span>
          <StatusBadge status={o.status} paymentStatus={o.payment.status} confirmation={o.confirmation} held={o.heldForReview} />
          <LateBadge late={o.late} />
        </span>
        <Money amount={o.totals.total} currency={o.totals.currency} />
      </Link>
    </li>
  );
  return (
    <main className="space-y-4">
      <PageHeading title={t("title")} intro={t("intro")}>
        <Link href={`${base}/pack`} className={buttonClass("secondary")}>
          {t("toStation")}
        </Link>
      </PageHeading>
      <section aria-labelledby="late-work" className="rounded-xl border border-red-200 bg-white shadow-xs" data-testid="work-late">
        <h2 id="late-work" className="border-b border-red-100 bg-red-50 px-4 py-3 font-semibold text-red-900">
          {t("late", { n: late.data.length })}
        </h2>
        {late.data.length ? <ul className="divide-y divide-slate-100">{late.data.map(row)}</ul> : <p className="p-4 text-slate-600">{t("noneLate")}</p>}
      </section>
      <section aria-labelledby="open-work" className="rounded-xl border border-slate-200 bg-white shadow-xs" data-testid="work-open">
        <h2 id="open-work" className="border-b border-slate-100 px-4 py-3 font-semibold">
          {t("open", { n: rest.length })}
        </h2>
        {rest.length ? <ul className="divide-y divide-slate-100">{rest.map(row)}</ul> : <p className="p-4 text-slate-600">{t("noneOpen")}</p>}
      </section>
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/work/page", MyWorkPage);
