import Link from "next/link";
import { VariantCodesForm } from "./_components/variant-codes-form";
import { getTranslations } from "next-intl/server";
import { Ltr, Typed } from "@/components/bidi";
import { Money } from "@/components/money";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { can } from "@/server/auth/permissions";
import { safeParseInput } from "@/server/http/validation";
import { listProducts, listProductsQuery, stockBranches } from "@/server/catalog/products";
import { requireStoreAccess } from "@/server/stores/store-access";
import { Forbidden } from "@/components/forbidden";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("products"))("title") };
}

async function ProductsPage({ params, searchParams }: { params: Promise<{ storeSlug: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { storeSlug } = await params;
  const { ctx, store, role } = await requireStoreAccess(storeSlug);
  if (!can(role, "catalog.read")) return <Forbidden />;
  const parsed = safeParseInput(listProductsQuery, await searchParams);
  const query = parsed.success ? parsed.data : listProductsQuery.parse({});
  const [page, branches, t] = await Promise.all([listProducts(ctx, query), stockBranches(ctx.storeId), getTranslations("products")]);
  const base = `/s/${store.slug}/products`;
  const next = page.nextCursor ? `${base}?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), cursor: page.nextCursor })}` : null;
  return (
    <main className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-600">{t("download")}</span>
          <a href={`${base}/export?format=csv`} className={buttonClass("secondary")} download>
            {t("csv")}
          </a>
          <a href={`${base}/export?format=xlsx`} className={buttonClass("secondary")} download>
            {t("xlsx")}
          </a>
          {can(role, "catalog.manage") && (
            <Link href={`${base}/import`} className={buttonClass("primary")}>
              {t("import")}
            </Link>
          )}
        </div>
      </div>
      <form method="get" action={base} role="search" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3">
        <label className="block min-w-60 flex-1 text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("search")}</span>
          <input type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("searchPlaceholder")} className={inputClass} />
        </label>
        <button type="submit" className={buttonClass("primary")}>
          {t("apply")}
        </button>
      </form>
      {page.data.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">{query.q ? t("noMatch") : t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {page.data.map((p) => (
            <li key={p.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Typed className="font-medium">{p.name}</Typed>
                <span className="text-sm text-slate-600">{t("variants", { n: p.variants.length })}</span>
              </div>
              <table className="mt-2 w-full text-sm max-md:block">
                <thead className="text-start text-xs text-slate-500 max-md:sr-only">
                  <tr>
                    <th scope="col" className="py-1 text-start font-medium">
                      {t("sku")}
                    </th>
                    <th scope="col" className="py-1 text-start font-medium">
                      {t("option")}
                    </th>
                    <th scope="col" className="py-1 text-start font-medium">
                      {t("price")}
                    </th>
                    <th scope="col" className="py-1 text-start font-medium">
                      {t("weight")}
                    </th>
                    <th scope="col" className="py-1 text-start font-medium">
                      {t("stock")}
                    </th>
                  </tr>
                </thead>
                <tbody className="max-md:block">
                  {p.variants.map((v) => (
                    <tr key={v.id} className="border-t border-slate-100 align-top max-md:flex max-md:flex-wrap max-md:gap-x-4 max-md:py-2">
                      <td className="py-2 pe-3">
                        <Ltr className="font-mono text-xs">{v.sku}</Ltr>
                        {!v.active && <span className="ms-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t("inactive")}</span>}
                      </td>
                      <td className="py-2 pe-3">{v.optionLabel ? <Typed>{v.optionLabel}</Typed> : <span className="text-slate-400">—</span>}</td>
                      <td className="py-2 pe-3">
                        <Money amount={v.price} currency={store.currency} />
                      </td>
                      <td className="tabular py-2 pe-3">{t("grams", { n: v.weightGrams })}</td>
                      <td className="py-2 max-md:basis-full">
                        {branches.length === 0 ? (
                          <span className="text-slate-500">{t("noBranches")}</span>
                        ) : (
                          <dl className="flex flex-wrap gap-x-4 gap-y-1">
                            {branches.map((b) => (
                              <div key={b.id} className="flex gap-1">
                                <dt className="text-slate-600">
                                  <Typed>{b.name}</Typed>:
                                </dt>
                                <dd className={`tabular font-medium ${(v.stock[b.id] ?? 0) <= 0 ? "text-red-700" : "text-slate-900"}`}>{v.stock[b.id] ?? 0}</dd>
                              </div>
                            ))}
                          </dl>
                        )}
                        {(v.barcodes.length > 0 || Object.keys(v.bins).length > 0) && (
                          <p className="mt-1 text-xs text-slate-600" data-testid={`codes-${v.sku}`}>
                            {v.barcodes.length > 0 && (
                              <>
                                {t("codes.barcodes")}:{" "}
                                {v.barcodes.map((code, i) => (
                                  <span key={code}>
                                    {i > 0 && ", "}
                                    <Ltr className="font-mono whitespace-nowrap">{code}</Ltr>
                                  </span>
                                ))}
                              </>
                            )}
                            {branches
                              .filter((b) => v.bins[b.id])
                              .map((b) => (
                                <span key={b.id} className="ms-3 inline-block">
                                  {t("codes.binAt")} <Typed>{b.name}</Typed>: <Ltr className="font-mono whitespace-nowrap">{v.bins[b.id]}</Ltr>
                                </span>
                              ))}
                          </p>
                        )}
                        {can(role, "catalog.manage") && (
                          <details className="mt-1">
                            <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm text-brand-700">{t("codes.edit")}</summary>
                            <VariantCodesForm storeSlug={store.slug} variantId={v.id} sku={v.sku} barcodes={v.barcodes} bins={v.bins} branches={branches} />
                          </details>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <div className="flex justify-end">
          <Link href={next} className={buttonClass("secondary")} rel="next">
            {t("nextPage")}
          </Link>
        </div>
      )}
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/products/page", ProductsPage);
