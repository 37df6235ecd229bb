import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { PageHeading } from "@/components/page-heading";
import { intlLocale } from "@/server/money/money";
import { listFileExports } from "@/server/orders/export-jobs";
import { requireStoreAccess } from "@/server/stores/store-access";
import { AutoRefresh } from "../_components/auto-refresh";

export async function generateMetadata() {
  return { title: (await getTranslations("orderExport"))("exportsTitle") };
}

export default async function ExportsPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  const [exports, t, locale] = await Promise.all([listFileExports(ctx), getTranslations("orderExport"), getLocale()]);
  const when = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone: store.timeZone });
  const megabytes = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  const pending = exports.some((e) => e.status === "QUEUED" || e.status === "RUNNING");
  const base = `/s/${store.slug}/orders`;
  return (
    <main className="space-y-4">
      {pending && <AutoRefresh />}
      <PageHeading title={t("exportsTitle")} intro={t("exportsIntro")} />
      <Card>
        {exports.length === 0 ? (
          <p className="text-sm text-slate-600">{t("exportsEmpty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-live="polite">
            {exports.map((e) => (
              <li key={e.id} data-export-id={e.id} data-status={e.status} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="space-y-0.5">
                  <p className="font-medium">
                    {t(`formats.${e.format}`)} · {t(`statusLabel.${e.status}`)}
                  </p>
                  <p className="text-sm text-slate-600">
                    <span className="tabular">{t("requestedAt", { date: when.format(new Date(e.createdAt)) })}</span>
                    {" · "}
                    {e.status === "READY" ? (
                      <>
                        {t("rowsDone", { n: e.rows })} · <span className="tabular">{megabytes.format(e.bytes / 1e6)} MB</span> ·{" "}
                        <span className="tabular">{t("keptUntil", { date: when.format(new Date(e.expiresAt)) })}</span>
                      </>
                    ) : e.status === "FAILED" ? (
                      t("failedHelp")
                    ) : (
                      t("rowsSoFar", { n: e.rows })
                    )}
                  </p>
                </div>
                {e.status === "READY" && (
                  <a href={`${base}/exports/${e.id}`} className={buttonClass("primary")} download>
                    {t("downloadFile")}
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Link href={base} className={buttonClass("secondary")}>
        {(await getTranslations("nav"))("orders")}
      </Link>
    </main>
  );
}
