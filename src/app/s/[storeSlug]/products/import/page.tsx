import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Typed } from "@/components/bidi";
import { Card } from "@/components/ui/card";
import { Forbidden } from "@/components/forbidden";
import { PageHeading } from "@/components/page-heading";
import { can } from "@/server/auth/permissions";
import { intlLocale } from "@/server/money/money";
import { listCatalogImports } from "@/server/catalog/catalog-import";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/server/catalog/import-plan";
import { requireStoreAccess } from "@/server/stores/store-access";
import { UploadForm } from "../_components/upload-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("catalogImport"))("title") };
}

async function CatalogImportPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store, role } = await requireStoreAccess(storeSlug);
  if (!can(role, "catalog.manage")) return <Forbidden />;
  const [t, tp, locale, imports] = await Promise.all([getTranslations("catalogImport"), getTranslations("products"), getLocale(), listCatalogImports(ctx)]);
  const base = `/s/${store.slug}/products`;
  const when = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone: store.timeZone });
  return (
    <main className="space-y-4">
      <PageHeading title={t("title")} />
      <Card>
        <ul className="list-disc space-y-1 ps-5 text-sm text-slate-700">
          {(["row", "new", "keep", "stock", "whole"] as const).map((k) => (
            <li key={k}>{t(`rules.${k}`)}</li>
          ))}
          <li>
            {t("rules.file", { mb: Math.round(MAX_IMPORT_BYTES / 1024 / 1024), rows: new Intl.NumberFormat(intlLocale(locale)).format(MAX_IMPORT_ROWS) })}
          </li>
        </ul>
        <p className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          <span>{t("template")}</span>
          <a href={`${base}/export?format=csv`} className="inline-flex min-h-11 items-center rounded-lg px-2 font-medium text-brand-700 underline" download>
            {tp("csv")}
          </a>
          <a href={`${base}/export?format=xlsx`} className="inline-flex min-h-11 items-center rounded-lg px-2 font-medium text-brand-700 underline" download>
            {tp("xlsx")}
          </a>
        </p>
      </Card>
      <Card>
        <UploadForm base={base} maxBytes={MAX_IMPORT_BYTES} />
      </Card>
      <Card title={t("recent")}>
        {imports.length === 0 ? (
          <p className="text-sm text-slate-600">{t("recentEmpty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {imports.map((i) => (
              <li key={i.id}>
                <Link href={`${base}/import/${i.id}`} className="flex min-h-11 flex-wrap items-center justify-between gap-2 py-2 hover:bg-slate-50">
                  <Typed className="font-medium">{i.fileName}</Typed>
                  <span className="flex flex-wrap gap-3 text-sm text-slate-600">
                    <span>{t("rowsRead", { n: i.rowCount })}</span>
                    <span className="tabular">{when.format(new Date(i.appliedAt ?? i.createdAt))}</span>
                    <span>{i.expired ? t("status.expired") : t(`status.${i.status}`)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/products/import/page", CatalogImportPage);
