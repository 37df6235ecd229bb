import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Ltr, Typed } from "@/components/bidi";
import { Money } from "@/components/money";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { Forbidden } from "@/components/forbidden";
import { PageHeading } from "@/components/page-heading";
import { can } from "@/server/auth/permissions";
import { intlLocale } from "@/server/money/money";
import { getCatalogImport } from "@/server/catalog/catalog-import";
import { orNotFound } from "@/server/errors/or-not-found";
import type { VariantFields } from "@/server/catalog/import-plan";
import { requireStoreAccess } from "@/server/stores/store-access";
import { ImportDecision } from "../../_components/import-decision";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("catalogImport"))("preview") };
}

/** Rows of each kind shown on the page; the counts above say how many there are in all. */
const SHOWN = 100;
const cell = "py-2 pe-3 text-start align-top";

/** A table of the preview: its headings, then its rows, scrolling sideways on a narrow screen. */
function ChangeTable({ headings, className = "", children }: { headings: string[]; className?: string; children: React.ReactNode }) {
  return (
    <div className={`overflow-x-auto ${className}`}>
      <table className="w-full text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            {headings.map((h) => (
              <th key={h} scope="col" className={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

async function CatalogImportPreviewPage({ params }: { params: Promise<{ storeSlug: string; importId: string }> }) {
  const { storeSlug, importId } = await params;
  const { ctx, store, role } = await requireStoreAccess(storeSlug);
  if (!can(role, "catalog.manage")) return <Forbidden />;
  const [imp, t, locale] = await Promise.all([orNotFound(getCatalogImport(ctx, importId)), getTranslations("catalogImport"), getLocale()]);
  const base = `/s/${store.slug}/products`;
  const when = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone: store.timeZone });
  // From the old value to the new one, in the reading direction.
  const arrow = locale === "ar" ? "←" : "→";
  const branch = new Map(imp.branches.map((b) => [b.id, b.name]));
  const { plan, problems, counts } = imp;
  const changes =
    counts.newProducts + counts.renamedProducts + counts.newVariants + counts.changedVariants + counts.stockChanges + counts.codeChanges + counts.binChanges;
  const open = imp.status === "PREVIEW" && !imp.expired;
  const value = (k: keyof VariantFields, v: VariantFields) =>
    k === "price" ? (
      <Money amount={v.price} currency={store.currency} />
    ) : k === "active" ? (
      t(v.active ? "yes" : "no")
    ) : k === "optionLabel" ? (
      <Typed>{v.optionLabel || "—"}</Typed>
    ) : (
      <span className="tabular">{v[k] as number}</span>
    );
  const more = (n: number) => n > SHOWN && <p className="mt-2 text-sm text-slate-600">{t("shownFirst", { n: SHOWN })}</p>;
  return (
    <main className="space-y-4">
      <PageHeading title={t("preview")} intro={<Typed>{imp.fileName}</Typed>}>
        <p className="mt-1 flex flex-wrap gap-3 text-sm text-slate-600">
          <span>{t("rowsRead", { n: imp.rowCount })}</span>
          <span className="tabular">{t("readAt", { date: when.format(new Date(imp.createdAt)) })}</span>
          {imp.appliedAt && <span className="tabular">{t("appliedAt", { date: when.format(new Date(imp.appliedAt)) })}</span>}
        </p>
      </PageHeading>

      {imp.status === "APPLIED" && (
        <p role="status" className="flex flex-wrap items-center gap-3 rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-emerald-900">
          {t("applied")}
          <Link href={base} className={buttonClass("secondary")}>
            {t("seeProducts")}
          </Link>
        </p>
      )}
      {imp.status === "DISCARDED" && <p className="rounded-xl border border-slate-200 bg-slate-50 p-4 text-slate-700">{t("discarded")}</p>}
      {imp.expired && <p className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-amber-900">{t("expired")}</p>}

      {problems.total > 0 ? (
        <section aria-labelledby="problems" className="rounded-xl border border-red-200 bg-white shadow-xs">
          <header className="border-b border-red-100 bg-red-50 px-4 py-3">
            <h2 id="problems" className="font-semibold text-red-900">
              {t("problemsTitle", { n: problems.total })}
            </h2>
            <p className="text-sm text-red-900">{t("problemsHelp")}</p>
          </header>
          <ChangeTable headings={[t("row"), t("column"), t("problem")]} className="p-4">
            {problems.shown.map((p, i) => (
              <tr key={i} className="border-t border-slate-100">
                <td className={`${cell} tabular`}>{p.row}</td>
                <td className={cell}>{p.column ? <Typed>{p.column}</Typed> : p.field ? t(`columns.${p.field}`) : "—"}</td>
                <td className={cell}>{t(`problems.${p.rule}`, { ...p.params })}</td>
              </tr>
            ))}
          </ChangeTable>
          {problems.total > problems.shown.length && (
            <p className="px-4 pb-4 text-sm text-slate-600">{t("moreProblems", { n: problems.total - problems.shown.length })}</p>
          )}
        </section>
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8">
            {(Object.keys(counts) as (keyof typeof counts)[]).map((k) => (
              <div key={k} className="rounded-xl border border-slate-200 bg-white p-3">
                <dt className="text-xs text-slate-600">{t(`summary.${k}`)}</dt>
                <dd className="tabular text-xl font-semibold">{counts[k]}</dd>
              </div>
            ))}
          </dl>
          {changes === 0 && <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-700">{t("nothingToDo")}</p>}

          {plan.newVariants.length > 0 && (
            <Card title={t("newVariantsTitle")}>
              <ChangeTable headings={[t("row"), t("product"), t("columns.sku"), t("columns.option"), t("columns.price"), t("columns.weight")]}>
                {plan.newVariants.slice(0, SHOWN).map((v) => (
                  <tr key={v.sku} className="border-t border-slate-100">
                    <td className={`${cell} tabular`}>{v.row}</td>
                    <td className={cell}>
                      <Typed>{v.productName}</Typed>
                    </td>
                    <td className={cell}>
                      <Ltr className="font-mono text-xs">{v.sku}</Ltr>
                    </td>
                    <td className={cell}>{value("optionLabel", v)}</td>
                    <td className={cell}>{value("price", v)}</td>
                    <td className={cell}>{value("weightGrams", v)}</td>
                  </tr>
                ))}
              </ChangeTable>
              {more(plan.newVariants.length)}
            </Card>
          )}

          {plan.changedVariants.length > 0 && (
            <Card title={t("changedTitle")}>
              <ChangeTable headings={[t("row"), t("columns.sku"), t("change")]}>
                {plan.changedVariants.slice(0, SHOWN).map((v) => (
                  <tr key={v.id} className="border-t border-slate-100">
                    <td className={`${cell} tabular`}>{v.row}</td>
                    <td className={cell}>
                      <Ltr className="font-mono text-xs">{v.sku}</Ltr>
                      <Typed className="block text-xs text-slate-600">{v.productName}</Typed>
                    </td>
                    <td className={cell}>
                      <ul>
                        {(Object.keys(v.after) as (keyof VariantFields)[])
                          .filter((k) => v.after[k] !== v.before[k])
                          .map((k) => (
                            <li key={k}>
                              {t(`fields.${k}`)}: {value(k, v.before)} {arrow} {value(k, v.after)}
                            </li>
                          ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </ChangeTable>
              {more(plan.changedVariants.length)}
            </Card>
          )}

          {plan.renamedProducts.length > 0 && (
            <Card title={t("renamedTitle")}>
              <ul className="space-y-1 text-sm">
                {plan.renamedProducts.slice(0, SHOWN).map((p) => (
                  <li key={p.productId}>
                    <span className="tabular text-slate-500">{p.row}</span> <Typed className="text-slate-600 line-through">{p.from}</Typed> {arrow}{" "}
                    <Typed>{p.to}</Typed>
                  </li>
                ))}
              </ul>
              {more(plan.renamedProducts.length)}
            </Card>
          )}

          {plan.stock.length > 0 && (
            <Card title={t("stockTitle")}>
              <ChangeTable headings={[t("row"), t("columns.sku"), t("branch"), t("before"), t("after")]}>
                {plan.stock.slice(0, SHOWN).map((s) => (
                  <tr key={`${s.sku}|${s.branchId}`} className="border-t border-slate-100">
                    <td className={`${cell} tabular`}>{s.row}</td>
                    <td className={cell}>
                      <Ltr className="font-mono text-xs">{s.sku}</Ltr>
                    </td>
                    <td className={cell}>
                      <Typed>{branch.get(s.branchId) ?? "—"}</Typed>
                    </td>
                    <td className={`${cell} tabular text-slate-600`}>{s.from ?? 0}</td>
                    <td className={`${cell} tabular font-medium`}>{s.to}</td>
                  </tr>
                ))}
              </ChangeTable>
              {more(plan.stock.length)}
            </Card>
          )}
        </>
      )}

      <div className="flex flex-wrap items-center gap-3">
        {open && <ImportDecision storeSlug={store.slug} importId={imp.id} canApply={problems.total === 0 && changes > 0} />}
        <Link href={`${base}/import`} className={buttonClass("secondary")}>
          {t("readAnother")}
        </Link>
      </div>
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/products/import/[importId]/page", CatalogImportPreviewPage);
