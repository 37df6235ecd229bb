import Link from "next/link";
import { Ltr, Typed } from "@/components/bidi";
import { safeParseInput } from "@/server/http/validation";
import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { listCustomers } from "@/server/customers/list-customers";
import { listCustomersQuery } from "@/server/customers/schemas";
import { Money } from "@/components/money";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export async function generateMetadata() {
  return { title: (await getTranslations("customers"))("title") };
}

export default async function CustomersPage({
  params,
  searchParams,
}: {
  params: Promise<{ storeSlug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  const parsed = safeParseInput(listCustomersQuery, await searchParams);
  const query = parsed.success ? parsed.data : listCustomersQuery.parse({});
  const [page, t] = await Promise.all([listCustomers(ctx, query), getTranslations("customers")]);
  const base = `/s/${store.slug}/customers`;
  const next = page.nextCursor
    ? `${base}?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.blocked ? { blocked: query.blocked } : {}), cursor: page.nextCursor })}`
    : null;
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <form method="get" action={base} role="search" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-3">
        <label className="block min-w-60 flex-1 text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("search")}</span>
          <input type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("searchPlaceholder")} className={inputClass} />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("show")}</span>
          <select name="blocked" defaultValue={query.blocked ?? ""} className={inputClass}>
            <option value="">{t("all")}</option>
            <option value="only">{t("onlyBlocked")}</option>
            <option value="exclude">{t("notBlocked")}</option>
          </select>
        </label>
        <button type="submit" className={buttonClass("primary")}>
          {t("apply")}
        </button>
      </form>
      {page.data.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {page.data.map((c) => (
            <li key={c.id}>
              <Link href={`${base}/${c.id}`} className="block rounded-xl border border-slate-200 bg-white p-4 shadow-xs hover:border-brand-600">
                <div className="flex items-center justify-between gap-2">
                  <Typed className="font-medium">{c.name}</Typed>
                  {c.blocked && <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">{t("blocked")}</span>}
                </div>
                <p className="text-sm text-slate-600">
                  <Ltr className="tabular">{c.phone}</Ltr>
                </p>
                <dl className="mt-2 grid grid-cols-3 gap-2 text-xs text-slate-600">
                  <div>
                    <dt>{t("orders")}</dt>
                    <dd className="tabular text-sm font-medium text-slate-900">{c.stats.orders}</dd>
                  </div>
                  <div>
                    <dt>{t("spent")}</dt>
                    <dd className="text-sm font-medium text-slate-900">
                      <Money amount={c.stats.spent} currency={store.currency} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t("returned")}</dt>
                    <dd className="tabular text-sm font-medium text-slate-900">{c.stats.returned + c.stats.refusedAtIntake}</dd>
                  </div>
                </dl>
              </Link>
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
