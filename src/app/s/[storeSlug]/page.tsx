import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { STEP_PATHS, onboardingChecklist } from "@/server/stores/onboarding";
import { Card } from "@/components/ui/card";

export async function generateMetadata() {
  return { title: (await getTranslations("home"))("title") };
}

/**
 * The store's home: while the store is new, its first steps, each ticked by what the store holds and
 * linked to where it is done. Once all are done (and for those who cannot change settings), the orders.
 */
export default async function StoreHome({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  const base = `/s/${store.slug}`;
  if (!can(ctx.role, "settings.manage")) redirect(`${base}/orders`);
  const [steps, t] = await Promise.all([onboardingChecklist(ctx), getTranslations("home")]);
  const done = steps.filter((s) => s.done).length;
  if (done === steps.length) redirect(`${base}/orders`);
  return (
    <main className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("welcome", { store: store.name })}</h1>
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
      <Link href={`${base}/orders`} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
        {t("toOrders")}
      </Link>
    </main>
  );
}
