"use client";

import { useMemo, useState, useTransition } from "react";
import { Ltr, Typed } from "@/components/bidi";
import { splitTags } from "@/server/tags/split-tags";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { OrderSummaryDto } from "@/server/orders/order-dto";
import { availableActions } from "@/server/orders/order-transitions";
import { ORDER_STATUSES, type OrderStatus } from "@/server/orders/order-status";
import { formatOrderNumber } from "@/server/orders/order-number";
import { StatusBadge } from "@/components/status-badge";
import { Money } from "@/components/money";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { bulkMoveOrders } from "../actions";
import { addOrderTags, removeOrderTag } from "./tag-actions";
import { labelsForOrdersAction } from "./label-actions";

const BATCH = 10;

type Outcome = { moved: number[]; refused: { number: number; message: string }[] };
// Labels: the selected orders' printable labels, a PDF of at most this many pages per link.
type Printable = { links: string[]; count: number; withoutLabel: number[]; error?: string };
const LABELS_PER_PDF = 100;

type ListProps = { base: string; storeSlug: string; orders: OrderSummaryDto[]; canUpdate: boolean; knownTags: string[] };

// The facts of an order in one grid: two columns on a card, seven under headings on a desktop row.
const COLUMNS = "grid grid-cols-2 items-center gap-x-3 pointer-fine:lg:grid-cols-[5rem_11.5rem_minmax(0,1fr)_6rem_8rem_8rem_10rem]";
const ROW = "flex items-stretch";

export function OrderList({ base, storeSlug, orders, canUpdate, knownTags }: ListProps) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [to, setTo] = useState<OrderStatus>("in_progress");
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [, startTransition] = useTransition();
  const [tag, setTag] = useState("");
  const [tagMessage, setTagMessage] = useState<string | null>(null);
  const [labelProgress, setLabelProgress] = useState<{ done: number; total: number } | null>(null);
  const [printable, setPrintable] = useState<Printable | null>(null);
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

  async function prepareLabels() {
    const ids = orders.filter((o) => selected.has(o.id)).map((o) => o.id);
    const found: Printable = { links: [], count: 0, withoutLabel: [] };
    const shipmentIds: string[] = [];
    setPrintable(null);
    setLabelProgress({ done: 0, total: ids.length });
    for (let i = 0; i < ids.length; i += 25) {
      const batch = ids.slice(i, i + 25);
      const response = await labelsForOrdersAction(storeSlug, { orderIds: batch });
      if (response.ok) {
        shipmentIds.push(...response.data.shipmentIds);
        found.withoutLabel.push(...response.data.withoutLabel);
      } else found.error = response.error.message;
      setLabelProgress({ done: Math.min(ids.length, i + 25), total: ids.length });
    }
    for (let i = 0; i < shipmentIds.length; i += LABELS_PER_PDF)
      found.links.push(`/s/${storeSlug}/labels?ids=${shipmentIds.slice(i, i + LABELS_PER_PDF).join(",")}`);
    found.count = shipmentIds.length;
    setLabelProgress(null);
    setPrintable(found);
  }

  async function tagSelected(add: boolean) {
    const ids = orders.filter((o) => selected.has(o.id)).map((o) => o.id);
    if (!tag.trim() || !ids.length) return;
    const typed = splitTags(tag);
    if (!typed.length) return;
    const result = add ? await addOrderTags(storeSlug, { orderIds: ids, tags: typed }) : await removeOrderTag(storeSlug, { orderIds: ids, tag: typed[0] });
    setTagMessage(result.ok ? null : result.error.message);
    if (result.ok) setTag("");
    startTransition(() => router.refresh());
  }
  const numberOf = new Map(orders.map((o) => [o.id, o.number]));

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = orders.length > 0 && orders.every((o) => selected.has(o.id));
  // Only the moves at least one selected order can make (the server still decides each one).
  const movesForSelection = ORDER_STATUSES.filter((s) =>
    orders.some(
      (o) =>
        selected.has(o.id) &&
        availableActions(o.status, o.payment.status === "paid" || o.payment.status === "partially_refunded" ? o.totals.total : 0).includes(s),
    ),
  );
  const chosen: OrderStatus | undefined = movesForSelection.includes(to) ? to : movesForSelection[0];
  const allRefused = !!outcome && outcome.moved.length === 0 && outcome.refused.length > 0;

  async function run() {
    const ids = orders.filter((o) => selected.has(o.id)).map((o) => o.id);
    const result: Outcome = { moved: [], refused: [] };
    setOutcome(null);
    setProgress({ done: 0, total: ids.length });
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const response = await bulkMoveOrders(storeSlug, { orderIds: batch, to: chosen! });
      if (response.ok) {
        result.moved.push(...response.data.moved.map((m) => m.number));
        result.refused.push(...response.data.refused.map((r) => ({ number: numberOf.get(r.id) ?? 0, message: r.message })));
      } else {
        result.refused.push(...batch.map((id) => ({ number: numberOf.get(id) ?? 0, message: response.error.message })));
      }
      setProgress({ done: Math.min(ids.length, i + BATCH), total: ids.length });
    }
    setProgress(null);
    setOutcome(result);
    setSelected(new Set());
    startTransition(() => router.refresh());
  }

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
      {canUpdate && (selected.size > 0 || progress || outcome || labelProgress || printable) && (
        <div role="region" aria-label={t("bulk.title")} className="sticky top-16 z-10 mb-3 rounded-xl border border-brand-100 bg-brand-50 p-3 shadow-sm">
          {selected.size > 0 && !progress && (
            <div className="flex flex-wrap items-center gap-3">
              <span className="text-sm font-medium">{t("bulk.selected", { count: selected.size })}</span>
              <label className="flex items-center gap-2 text-sm">
                {t("bulk.moveTo")}
                <select value={chosen ?? ""} onChange={(e) => setTo(e.target.value as OrderStatus)} className={`${inputClass} w-auto`}>
                  {movesForSelection.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <Button type="button" onClick={run} disabled={!chosen}>
                {t("bulk.apply")}
              </Button>
              <span className="flex flex-wrap items-center gap-2">
                <input
                  aria-label={t("tags.add")}
                  placeholder={t("tags.addPlaceholder")}
                  list="bulk-known-tags"
                  value={tag}
                  maxLength={400}
                  onChange={(e) => setTag(e.target.value)}
                  className={`${inputClass} w-40`}
                />
                <datalist id="bulk-known-tags">
                  {knownTags.map((k) => (
                    <option key={k} value={k} />
                  ))}
                </datalist>
                <Button type="button" variant="secondary" disabled={!tag.trim()} onClick={() => tagSelected(true)}>
                  {t("tags.bulkAdd")}
                </Button>
                <Button type="button" variant="secondary" disabled={!tag.trim()} onClick={() => tagSelected(false)}>
                  {t("tags.bulkRemove")}
                </Button>
              </span>
              <Button type="button" variant="secondary" disabled={!!labelProgress} onClick={prepareLabels}>
                {t("bulk.printLabels")}
              </Button>
              <Button type="button" variant="ghost" onClick={() => setSelected(new Set())}>
                {t("bulk.clear")}
              </Button>
              {tagMessage && (
                <p role="alert" className="w-full text-sm text-red-700">
                  {tagMessage}
                </p>
              )}
            </div>
          )}
          {progress && (
            <div>
              <p className="text-sm">{t("bulk.progress", { done: progress.done, total: progress.total })}</p>
              <progress value={progress.done} max={progress.total} className="mt-2 h-2 w-full accent-brand-600" />
            </div>
          )}
          {labelProgress && (
            <div>
              <p className="text-sm">{t("bulk.labelsProgress", { done: labelProgress.done, total: labelProgress.total })}</p>
              <progress value={labelProgress.done} max={labelProgress.total} className="mt-2 h-2 w-full accent-brand-600" />
            </div>
          )}
          {printable && !labelProgress && (
            <div role="status" className="mt-2 space-y-1 text-sm" data-testid="bulk-labels">
              <p className="font-medium">{t("bulk.labelsReady", { count: printable.count })}</p>
              <p className="flex flex-wrap gap-2">
                {printable.links.map((href, i) => (
                  <a
                    key={href}
                    href={href}
                    target="_blank"
                    rel="noopener"
                    className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700"
                  >
                    {printable.links.length === 1 ? t("bulk.openLabels") : t("bulk.openLabelsPart", { part: i + 1, parts: printable.links.length })}
                  </a>
                ))}
              </p>
              {printable.withoutLabel.length > 0 && (
                <p className="text-amber-900">{t("bulk.withoutLabel", { numbers: printable.withoutLabel.map((n) => formatOrderNumber(n)).join("، ") })}</p>
              )}
              {printable.error && <p className="text-red-700">{printable.error}</p>}
              <button type="button" className="text-brand-700 underline" onClick={() => setPrintable(null)}>
                {t("bulk.dismiss")}
              </button>
            </div>
          )}
          {outcome && !progress && (
            <div role={allRefused ? "alert" : "status"} className={`space-y-1 text-sm ${allRefused ? "rounded-lg bg-red-50 p-2 text-red-900" : ""}`}>
              <p className="font-medium">
                {allRefused
                  ? t("bulk.noneMoved", { refused: outcome.refused.length })
                  : t("bulk.result", { moved: outcome.moved.length, refused: outcome.refused.length })}
              </p>
              {outcome.refused.length > 0 && (
                <ul className="list-disc ps-5 text-red-800">
                  {outcome.refused.map((r) => (
                    <li key={r.number}>
                      {formatOrderNumber(r.number)}: {r.message}
                    </li>
                  ))}
                </ul>
              )}
              <button type="button" className="text-brand-700 underline" onClick={() => setOutcome(null)}>
                {t("bulk.dismiss")}
              </button>
            </div>
          )}
        </div>
      )}

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
        <span aria-hidden className={`${COLUMNS} flex-1 px-4 py-3`}>
          {(["number", "date", "customer", "items", "total", "payment", "status"] as const).map((c) => (
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
            >
              <span className="order-1 font-semibold text-brand-700 pointer-fine:lg:order-none">{formatOrderNumber(o.number)}</span>
              <span className="order-7 col-span-2 text-xs text-slate-500 pointer-fine:lg:order-none pointer-fine:lg:col-span-1 pointer-fine:lg:text-sm pointer-fine:lg:whitespace-nowrap pointer-fine:lg:text-slate-600">
                {words.get(o.id)!.date}
              </span>
              <span className="order-3 min-w-0 pointer-fine:lg:order-none">
                {/* Isolated inline inside a block, so a name in the other script keeps the page's alignment. */}
                <span className="block truncate">
                  <Typed>{o.customer.name}</Typed>
                </span>
                <Ltr className="tabular text-xs text-slate-500">{o.customer.phone}</Ltr>
              </span>
              <span className="order-5 text-xs text-slate-600 pointer-fine:lg:order-none pointer-fine:lg:text-sm">{words.get(o.id)!.items}</span>
              <span className="order-4 text-end font-medium pointer-fine:lg:order-none pointer-fine:lg:text-start">
                <Money amount={o.totals.total} currency={o.totals.currency} />
              </span>
              <span className="order-6 text-end text-xs text-slate-600 pointer-fine:lg:order-none pointer-fine:lg:text-start pointer-fine:lg:text-sm">
                {words.get(o.id)!.payment}
              </span>
              <span className="order-2 justify-self-end pointer-fine:lg:order-none pointer-fine:lg:justify-self-start">
                <StatusBadge status={o.status} paymentStatus={o.payment.status} />
              </span>
              {o.tags.length > 0 && (
                <span className="order-8 col-span-2 pointer-fine:lg:col-span-7">
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
