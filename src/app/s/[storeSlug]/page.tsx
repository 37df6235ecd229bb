import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { STEP_PATHS, onboardingChecklist } from "@/server/stores/onboarding";
import { localToday, storeBusiness } from "@/server/stores/business";
import { Card } from "@/components/ui/card";
import { Typed } from "@/components/bidi";
import { BusinessOverview } from "./_components/business-overview";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("home"))("title") };
}

const DAY = 86_400_000;

/**
 * The store's home: its business at a glance for a period on the store's clock (from the daily rollups),
 * and while the store is new, its first steps above it. Staff, who do not see the store's money, go to the
 * orders.
 */
async function StoreHome({
  params,
  searchParams,
}: {
  params: Promise<{ storeSlug: string }>;
  searchParams: Promise<{ from?: string; to?: string; days?: string }>;
}) {
  const [{ storeSlug }, asked] = await Promise.all([params, searchParams]);
  const { ctx, store } = await requireStoreAccess(storeSlug);
  const base = `/s/${store.slug}`;
  if (!can(ctx.role, "reports.read")) redirect(`${base}/orders`);
  const days = Number(asked.days);
  const range =
    Number.isInteger(days) && days >= 1 && days <= 366
      ? { from: new Date(Date.parse(`${localToday(store.timeZone)}T00:00:00Z`) - (days - 1) * DAY).toISOString().slice(0, 10) }
      : { from: typeof asked.from === "string" ? asked.from : undefined, to: typeof asked.to === "string" ? asked.to : undefined };
  const [steps, business, t] = await Promise.all([
    can(ctx.role, "settings.manage") ? onboardingChecklist(ctx) : Promise.resolve([]),
    storeBusiness(ctx, store.timeZone, range),
    getTranslations("home"),
  ]);
  const done = steps.filter((s) => s.done).length;
  return (
    <main className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold">{done < steps.length ? t("welcome", { store: store.name }) : <Typed>{store.name}</Typed>}</h1>
      {done < steps.length && (
        <Card title={t("checklist")} actions={<span className="text-sm text-slate-600">{t("progress", { done, total: steps.length })}</span>}>
          {/* The words above say it; the bar only shows it (filling from the start of the line, in either direction). */}
          <div aria-hidden className="mb-3 h-2 w-full overflow-hidden rounded-full bg-slate-200">
            <div className="h-full rounded-full bg-brand-600" style={{ width: `${(done / steps.length) * 100}%` }} />
          </div>
          <ol className="divide-y divide-slate-100">
            {steps.map(({ step, done }) => (
              <li key={step} className="flex items-center gap-3 py-2">
                <span
                  aria-hidden
                  className={`flex size-7 shrink-0 items-center justify-center rounded-full text-sm ${done ? "bg-brand-600 text-white" : "border border-slate-300 text-slate-400"}`}
                >
                  {done ? "✓" : ""}
                </span>
                <Link href={`${base}/${STEP_PATHS[step]}`} className={`flex-1 ${done ? "text-slate-600" : "font-medium text-brand-700 underline"}`}>
                  {t(`steps.${step}`)}
                  <span className="sr-only"> — {done ? t("stepDone") : t("stepTodo")}</span>
                </Link>
              </li>
            ))}
          </ol>
        </Card>
      )}
      <BusinessOverview business={business} base={base} currency={store.currency} />
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/page", StoreHome);
