"use client";

import { useMemo, useState } from "react";
import { Ltr, Typed } from "@/components/bidi";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { OrderSummaryDto } from "@/server/orders/order-dto";
import { formatOrderNumber } from "@/server/orders/order-number";
import { StatusBadge } from "@/components/status-badge";
import { RiskBadge } from "@/components/risk-badge";
import { LateBadge } from "@/components/late-badge";
import { Money } from "@/components/money";
import { BulkBar } from "./bulk-bar";
import type { ListColumn } from "@/server/orders/list-columns";

type ListProps = { base: string; storeSlug: string; orders: OrderSummaryDto[]; canUpdate: boolean; knownTags: string[]; columns: readonly ListColumn[] };

// The facts of an order in one grid: two columns on a card, the chosen ones under headings on a desktop row
// (their widths in --cols; tags take a line of their own).
const COLUMNS = "grid grid-cols-2 items-center gap-x-3 pointer-fine:lg:grid-cols-(--cols)";
const ROW = "flex items-stretch";
const WIDTHS: Record<Exclude<ListColumn, "tags">, string> = {
  date: "11.5rem",
  customer: "minmax(0,1fr)",
  items: "6rem",
  total: "8rem",
  payment: "8rem",
  status: "10rem",
  city: "8rem",
};

export function OrderList({ base, storeSlug, orders, canUpdate, knownTags, columns }: ListProps) {
  const shown = new Set(columns);
  const gridColumns = columns.filter((c): c is Exclude<ListColumn, "tags"> => c !== "tags");
  const template = { "--cols": ["5rem", ...gridColumns.map((c) => WIDTHS[c])].join(" ") } as React.CSSProperties;
  const t = useTranslations();
  const format = useFormatter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Each order's words, worked out once: the table and the cards both show them.
  const words = useMemo(
    () =>
      new Map(
        orders.map((o) => [
          o.id,
          {
            date: format.dateTime(new Date(o.placedAt), { dateStyle: "medium", timeStyle: "short" }),
            items: t("orders.itemsCount", { count: o.itemsCount }),
            payment: t(`paymentMethod.${o.payment.method}`),
          },
        ]),
      ),
    [orders, format, t],
  );

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = orders.length > 0 && orders.every((o) => selected.has(o.id));

  const checkbox = (o: OrderSummaryDto) =>
    canUpdate && (
      <input
        type="checkbox"
        checked={selected.has(o.id)}
        onChange={() => toggle(o.id)}
        aria-label={t("bulk.select", { number: formatOrderNumber(o.number) })}
        className="size-5 accent-brand-600 pointer-coarse:size-7"
      />
    );

  return (
    <div>
      {canUpdate && <BulkBar storeSlug={storeSlug} orders={orders} selected={selected} clearSelection={() => setSelected(new Set())} knownTags={knownTags} />}

      {/*
        One list, laid out by the device: on a desktop (a fine pointer, wide screen) rows under column
        headings; on tablets and phones, cards. Each order is one link: the whole row or card is its target.
      */}
      <div className={`${ROW} mb-0 hidden rounded-t-xl border border-b-0 border-slate-200 bg-slate-50 text-sm font-medium text-slate-600 pointer-fine:lg:flex`}>
        {canUpdate && (
          <span className="flex w-12 shrink-0 items-center justify-center">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={() => setSelected(allSelected ? new Set() : new Set(orders.map((o) => o.id)))}
              aria-label={t("bulk.selectAll")}
              className="size-5 accent-brand-600"
            />
          </span>
        )}
        <span aria-hidden className={`${COLUMNS} flex-1 px-4 py-3`} style={template}>
          {(["number", ...gridColumns] as const).map((c) => (
            <span key={c}>{t(`orders.${c}`)}</span>
          ))}
        </span>
      </div>
      <ul className="grid gap-3 md:grid-cols-2 pointer-fine:lg:grid-cols-1 pointer-fine:lg:gap-0 pointer-fine:lg:divide-y pointer-fine:lg:divide-slate-100 pointer-fine:lg:overflow-hidden pointer-fine:lg:rounded-b-xl pointer-fine:lg:border pointer-fine:lg:border-slate-200 pointer-fine:lg:bg-white">
        {orders.map((o) => (
          <li
            key={o.id}
            className={`flex items-stretch rounded-xl border bg-white shadow-xs pointer-fine:lg:rounded-none pointer-fine:lg:border-0 pointer-fine:lg:shadow-none ${selected.has(o.id) ? "border-brand-600 pointer-fine:lg:bg-brand-50" : "border-slate-200"}`}
          >
            {canUpdate && <label className="flex w-12 shrink-0 items-center justify-center">{checkbox(o)}</label>}
            <Link
              href={`${base}/${o.id}`}
              className={`${COLUMNS} flex-1 gap-y-1 p-4 text-sm active:bg-slate-50 pointer-fine:lg:py-3 pointer-fine:lg:hover:bg-slate-50`}
              style={template}
            >
              <span className="order-1 font-semibold text-brand-700 pointer-fine:lg:order-none">{formatOrderNumber(o.number)}</span>
              {shown.has("date") && (
                <span className="order-7 col-span-2 text-xs text-slate-500 pointer-fine:lg:order-none pointer-fine:lg:col-span-1 pointer-fine:lg:text-sm pointer-fine:lg:whitespace-nowrap pointer-fine:lg:text-slate-600">
                  {words.get(o.id)!.date}
                </span>
              )}
              {shown.has("customer") && (
                <span className="order-3 min-w-0 pointer-fine:lg:order-none">
                  {/* Isolated inline inside a block, so a name in the other script keeps the page's alignment. */}
                  <span className="block truncate">
                    <Typed>{o.customer.name}</Typed>
                  </span>
                  <Ltr className="tabular text-xs text-slate-500">{o.customer.phone}</Ltr>
                </span>
              )}
              {shown.has("items") && (
                <span className="order-5 text-xs text-slate-600 pointer-fine:lg:order-none pointer-fine:lg:text-sm">{words.get(o.id)!.items}</span>
              )}
              {shown.has("total") && (
                <span className="order-4 text-end font-medium pointer-fine:lg:order-none pointer-fine:lg:text-start">
                  <Money amount={o.totals.total} currency={o.totals.currency} />
                </span>
              )}
              {shown.has("payment") && (
                <span className="order-6 text-end text-xs text-slate-600 pointer-fine:lg:order-none pointer-fine:lg:text-start pointer-fine:lg:text-sm">
                  {words.get(o.id)!.payment}
                </span>
              )}
              {shown.has("status") && (
                <span className="order-2 justify-self-end pointer-fine:lg:order-none pointer-fine:lg:justify-self-start">
                  <StatusBadge status={o.status} paymentStatus={o.payment.status} confirmation={o.confirmation} held={o.heldForReview} />
                  <RiskBadge risk={o.risk} />
                  <LateBadge late={o.late} />
                </span>
              )}
              {shown.has("city") && (
                <span className="order-6 min-w-0 truncate text-xs text-slate-600 pointer-fine:lg:order-none pointer-fine:lg:text-sm">
                  <Typed>{o.city}</Typed>
                </span>
              )}
              {shown.has("tags") && o.tags.length > 0 && (
                <span className="order-8 col-span-2 pointer-fine:lg:col-span-full">
                  <Tags tags={o.tags} />
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Tags({ tags }: { tags: string[] }) {
  if (!tags.length) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-1">
      {tags.map((tag) => (
        <li key={tag} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
          {tag}
        </li>
      ))}
    </ul>
  );
}
