import Link from "next/link";
import { ExportMenu } from "./_components/export-menu";
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS } from "@/server/orders/export-orders";
import { safeParseInput } from "@/server/http/validation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { ORDER_COUNT_CAP, countOrdersByStatus, listOrders } from "@/server/orders/list-orders";
import { listBranches } from "@/server/shipping/manage-branches";
import { listTagNames } from "@/server/tags/manage-tags";
import { ORDER_STATUSES, PAYMENT_METHODS } from "@/server/orders/order-status";
import { listOrdersQuery, type ListOrdersQuery } from "@/server/orders/schemas";
import { can } from "@/server/auth/permissions";
import { OrderList } from "./_components/order-list";
import { ColumnChooser, DeleteView, SaveView } from "./_components/list-views";
import { readColumns } from "@/server/orders/list-columns";
import { listOrderViews, viewSearchParams } from "@/server/orders/order-views";
import { ORDER_SORTS } from "@/server/orders/order-sort";
import { Typed } from "@/components/bidi";
import { LiveRefresh } from "./_components/live-refresh";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { DateField } from "@/components/ui/date-field";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("orders"))("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** Filters from the URL; a malformed one is dropped rather than failing the page. */
function readFilters(params: SearchParams): ListOrdersQuery {
  const flat = Object.fromEntries(
    Object.entries(params)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v),
  );
  const parsed = safeParseInput(listOrdersQuery, flat);
  if (parsed.success) return parsed.data;
  const bad = new Set(Object.keys(parsed.fields).map((f) => f.split(".")[0]));
  return listOrdersQuery.parse(Object.fromEntries(Object.entries(flat).filter(([k]) => !bad.has(k))));
}

function hrefWith(
  base: string,
  filters: Partial<ListOrdersQuery>,
  changes: Partial<Record<keyof ListOrdersQuery, string | undefined>>,
  keep: Record<string, string | undefined> = {},
) {
  const merged: Record<string, unknown> = { ...filters, ...changes, ...keep };
  delete merged.limit;
  if (merged.sort === "newest") delete merged.sort;
  const query = new URLSearchParams(Object.entries(merged).filter(([, v]) => v !== undefined && v !== "") as [string, string][]);
  const qs = query.toString();
  return qs ? `${base}?${qs}` : base;
}

async function OrdersPage({ params, searchParams }: { params: Promise<{ storeSlug: string }>; searchParams: Promise<SearchParams> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  const raw = await searchParams;
  const filters = readFilters(raw);
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const columns = readColumns(first(raw.cols));
  const viewId = first(raw.view);
  const { status: _status, cursor: _cursor, limit: _limit, sort: _sort, ...countFilters } = filters;
  const [page, counts, branches, tags, views, t, format] = await Promise.all([
    listOrders(ctx, filters),
    countOrdersByStatus(ctx, countFilters),
    listBranches(ctx),
    listTagNames(ctx),
    listOrderViews(ctx),
    getTranslations(),
    getFormatter(),
  ]);
  const base = `/s/${store.slug}/orders`;
  const { cursor: _c, ...withoutCursor } = filters;
  // What the list shows besides its filters, kept while paging and switching tabs: the columns and the open view.
  const keep = { cols: first(raw.cols) !== undefined ? columns.join(",") : undefined, view: viewId };
  // The list's query as it is now (what "Save view" keeps and the column chooser carries along).
  const current = Object.fromEntries(
    Object.entries({ ...withoutCursor, limit: undefined, sort: filters.sort === "newest" ? undefined : filters.sort })
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  );
  const activeView = views.find((v) => v.id === viewId) ?? null;

  return (
    <main>
      <LiveRefresh />
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-semibold">{t("orders.title")}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <ColumnChooser base={base} params={{ ...current, ...(viewId ? { view: viewId } : {}) }} columns={columns} />
          <ExportMenu
            storeSlug={store.slug}
            action={`${base}/export`}
            filters={Object.fromEntries(
              Object.entries({ ...withoutCursor, limit: undefined })
                .filter(([, v]) => v !== undefined && v !== "")
                .map(([k, v]) => [k, String(v)]),
            )}
            columns={EXPORT_COLUMNS}
            defaults={DEFAULT_EXPORT_COLUMNS}
          />
        </div>
      </div>

      <nav aria-label={t("orders.views.label")} className="scroll-cue -mx-4 mb-2 overflow-x-auto px-4">
        <ul className="flex min-w-max flex-wrap items-center gap-1">
          <li>
            <Link
              href={base}
              aria-current={!activeView ? "page" : undefined}
              className={`flex min-h-11 items-center rounded-full px-3 text-sm font-medium ${!activeView ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {t("orders.views.all")}
            </Link>
          </li>
          {views.map((v) => (
            <li key={v.id}>
              <Link
                href={`${base}?${viewSearchParams(v)}`}
                aria-current={activeView?.id === v.id ? "page" : undefined}
                className={`flex min-h-11 items-center gap-1 rounded-full px-3 text-sm font-medium ${activeView?.id === v.id ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
              >
                <Typed>{v.name}</Typed>
                {v.shared && <span className="text-xs opacity-75">· {t("orders.views.shared")}</span>}
              </Link>
            </li>
          ))}
          <li className="flex items-center gap-1">
            <SaveView storeSlug={store.slug} base={base} query={current} columns={columns} canShare={can(ctx.role, "settings.manage")} />
            {activeView?.deletable && <DeleteView storeSlug={store.slug} base={base} view={{ id: activeView.id, name: activeView.name }} />}
          </li>
        </ul>
      </nav>

      <nav aria-label={t("orders.statusTabs")} className="scroll-cue -mx-4 mb-4 overflow-x-auto px-4">
        <ul className="flex min-w-max gap-1 border-b border-slate-200">
          {(["all", ...ORDER_STATUSES] as const).map((s) => {
            const active = (filters.status ?? "all") === s;
            return (
              <li key={s}>
                <Link
                  href={hrefWith(base, withoutCursor, { status: s === "all" ? undefined : s }, keep)}
                  aria-current={active ? "page" : undefined}
                  className={`flex min-h-11 items-center gap-2 border-b-2 px-3 text-sm font-medium ${active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
                >
                  {t(`status.${s}`)}
                  <span className="tabular rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                    {counts[s] > ORDER_COUNT_CAP ? `${format.number(ORDER_COUNT_CAP)}+` : format.number(counts[s])}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <form
        method="get"
        action={base}
        role="search"
        aria-label={t("orders.filters")}
        className="mb-4 grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-3 md:grid-cols-4 lg:grid-cols-8"
      >
        {filters.status && <input type="hidden" name="status" value={filters.status} />}
        {keep.cols !== undefined && <input type="hidden" name="cols" value={keep.cols} />}
        <label className="col-span-2 block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("orders.search")}</span>
          <input type="search" name="q" defaultValue={filters.q ?? ""} placeholder={t("orders.searchPlaceholder")} className={inputClass} />
        </label>
        <div className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("orders.from")}</span>
          <DateField name="from" defaultValue={filters.from} label={t("orders.from")} />
        </div>
        <div className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("orders.to")}</span>
          <DateField name="to" defaultValue={filters.to} label={t("orders.to")} />
        </div>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("orders.paymentMethod")}</span>
          <select name="paymentMethod" defaultValue={filters.paymentMethod ?? ""} className={inputClass}>
            <option value="">{t("orders.any")}</option>
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`paymentMethod.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("orders.branch")}</span>
          <select name="branchId" defaultValue={filters.branchId ?? ""} className={inputClass}>
            <option value="">{t("orders.any")}</option>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("orders.assignee")}</span>
          <select name="assignee" defaultValue={filters.assignee ?? ""} className={inputClass}>
            <option value="">{t("orders.anyone")}</option>
            <option value="me">{t("orders.assignedToMe")}</option>
            <option value="none">{t("orders.unassigned")}</option>
          </select>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("orders.lateness")}</span>
          <select name="late" defaultValue={filters.late ?? ""} className={inputClass}>
            <option value="">{t("orders.any")}</option>
            <option value="1">{t("orders.lateOnly")}</option>
          </select>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("tags.filter")}</span>
          <select name="tag" defaultValue={filters.tag ?? ""} className={inputClass}>
            <option value="">{t("orders.any")}</option>
            {tags.map((tag) => (
              <option key={tag.id} value={tag.name}>
                {tag.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("orders.sort")}</span>
          <select name="sort" defaultValue={filters.sort} className={inputClass}>
            {ORDER_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`orders.sorts.${sort}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="col-span-2 flex items-end gap-2 md:col-span-1 lg:col-span-3">
          <button type="submit" className={buttonClass("primary")}>
            {t("orders.apply")}
          </button>
          <Link href={filters.status ? `${base}?status=${filters.status}` : base} className={buttonClass("ghost")}>
            {t("orders.clear")}
          </Link>
        </div>
      </form>

      {page.data.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">{t("orders.empty")}</p>
      ) : (
        <>
          <OrderList
            base={base}
            storeSlug={store.slug}
            orders={page.data}
            canUpdate={can(ctx.role, "orders.update")}
            knownTags={tags.map((tag) => tag.name)}
            columns={columns}
          />
        </>
      )}

      <div className="mt-4 flex items-center justify-between gap-2">
        {filters.cursor ? (
          <Link href={hrefWith(base, withoutCursor, {}, keep)} className={buttonClass("secondary")}>
            {t("orders.firstPage")}
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Link href={hrefWith(base, filters, { cursor: page.nextCursor }, keep)} className={buttonClass("secondary")} rel="next">
            {t("orders.nextPage")}
          </Link>
        )}
      </div>
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/orders/page", OrdersPage);
