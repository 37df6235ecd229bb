"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { onlineManager, useMutation } from "@tanstack/react-query";
import { splitTags } from "@/server/tags/split-tags";
import type { OrderSummaryDto } from "@/server/orders/order-dto";
import { availableActions } from "@/server/orders/order-transitions";
import { ORDER_STATUSES, type OrderStatus } from "@/server/orders/order-status";
import { formatOrderNumber } from "@/server/orders/order-number";
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

type BulkBarProps = {
  storeSlug: string;
  orders: OrderSummaryDto[];
  selected: ReadonlySet<string>;
  clearSelection: () => void;
  knownTags: string[];
};

/**
 * What can be done to the selected orders at once: move them (only to statuses at least one of them can
 * take; the server decides each), tag or untag them, print their labels. Work goes in batches with its
 * progress shown, and what was refused is named order by order. A move and a label run are mutations of the
 * dashboard's client (TanStack Query): their outcome is the mutation's answer; only the progress of their
 * batches is kept here.
 */
export function BulkBar({ storeSlug, orders, selected, clearSelection, knownTags }: BulkBarProps) {
  const t = useTranslations();
  const router = useRouter();
  const [to, setTo] = useState<OrderStatus>("in_progress");
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [, startTransition] = useTransition();
  const [tag, setTag] = useState("");
  const [tagMessage, setTagMessage] = useState<string | null>(null);
  const [labelProgress, setLabelProgress] = useState<{ done: number; total: number } | null>(null);
  // Run once, whatever the network: a run cut short says so rather than waiting on the tablet to be replayed.
  const once = { retry: false, networkMode: "always" } as const;
  const labels = useMutation({ mutationFn: prepareLabels, onSettled: () => setLabelProgress(null), ...once });
  const printable = labels.data;

  async function prepareLabels(ids: string[]): Promise<Printable> {
    assertOnline();
    const found: Printable = { links: [], count: 0, withoutLabel: [] };
    const shipmentIds: string[] = [];
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
    return found;
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

  // Only the moves at least one selected order can make (the server still decides each one).
  const movesForSelection = ORDER_STATUSES.filter((s) =>
    orders.some(
      (o) =>
        selected.has(o.id) &&
        availableActions(o.status, o.payment.status === "paid" || o.payment.status === "partially_refunded" ? o.totals.total : 0, o.heldForReview).includes(s),
    ),
  );
  const chosen: OrderStatus | undefined = movesForSelection.includes(to) ? to : movesForSelection[0];
  const move = useMutation({
    mutationFn: moveInBatches,
    onSettled: () => setProgress(null),
    // The list is read again only when the run went out: without a network a refresh would leave the page.
    onSuccess: () => {
      clearSelection();
      startTransition(() => router.refresh());
    },
    ...once,
  });
  const outcome = move.data;
  const allRefused = !!outcome && outcome.moved.length === 0 && outcome.refused.length > 0;
  const selectedIds = () => orders.filter((o) => selected.has(o.id)).map((o) => o.id);

  async function moveInBatches({ ids, to }: { ids: string[]; to: OrderStatus }): Promise<Outcome> {
    assertOnline();
    const result: Outcome = { moved: [], refused: [] };
    setProgress({ done: 0, total: ids.length });
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const response = await bulkMoveOrders(storeSlug, { orderIds: batch, to });
      if (response.ok) {
        result.moved.push(...response.data.moved.map((m) => m.number));
        result.refused.push(...response.data.refused.map((r) => ({ number: numberOf.get(r.id) ?? 0, message: r.message })));
      } else {
        result.refused.push(...batch.map((id) => ({ number: numberOf.get(id) ?? 0, message: response.error.message })));
      }
      setProgress({ done: Math.min(ids.length, i + BATCH), total: ids.length });
    }
    return result;
  }

  if (!(selected.size > 0 || progress || outcome || labelProgress || printable)) return null;
  return (
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
          <Button type="button" onClick={() => chosen && move.mutate({ ids: selectedIds(), to: chosen })} disabled={!chosen || move.isPending}>
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
          <Button type="button" variant="secondary" disabled={labels.isPending} onClick={() => labels.mutate(selectedIds())}>
            {t("bulk.printLabels")}
          </Button>
          <PapersMenu storeSlug={storeSlug} orderIds={[...selected]} />
          <Button type="button" variant="ghost" onClick={clearSelection}>
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
          <button type="button" className="text-brand-700 underline" onClick={() => labels.reset()}>
            {t("bulk.dismiss")}
          </button>
        </div>
      )}
      {(move.isError || labels.isError) && (
        <p role="alert" className="rounded-lg bg-red-50 p-2 text-sm text-red-900">
          {t("bulk.notSent")}
        </p>
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
          <button type="button" className="text-brand-700 underline" onClick={() => move.reset()}>
            {t("bulk.dismiss")}
          </button>
        </div>
      )}
    </div>
  );
}

/** Without a network a server action would leave the page for the browser's offline page: refuse here instead. */
function assertOnline() {
  if (!onlineManager.isOnline()) throw new Error("offline");
}

/** The selection's papers, each one PDF (at most 200 orders each): invoices, receipts, the pick list, packing slips. */
function PapersMenu({ storeSlug, orderIds }: { storeSlug: string; orderIds: string[] }) {
  const tPapers = useTranslations("bulk.papers");
  const ids = orderIds.slice(0, 200).join(",");
  const links = [
    ["invoices", `/s/${storeSlug}/tax-documents?orders=${ids}`],
    ["receipts", `/s/${storeSlug}/tax-documents?orders=${ids}&format=receipt`],
    ["pickList", `/s/${storeSlug}/papers/pick-list?orders=${ids}`],
    ["packingSlips", `/s/${storeSlug}/papers/packing-slips?orders=${ids}`],
    ["packingSlipsNoPrices", `/s/${storeSlug}/papers/packing-slips?orders=${ids}&prices=0`],
  ] as const;
  return (
    <details className="relative" data-testid="bulk-papers">
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium">
        {tPapers("title")}
      </summary>
      <ul className="absolute z-20 mt-1 w-64 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
        {links.map(([key, href]) => (
          <li key={key}>
            <a href={href} target="_blank" rel="noopener" className="flex min-h-11 items-center rounded px-3 text-sm hover:bg-slate-50">
              {tPapers(key)}
            </a>
          </li>
        ))}
        {orderIds.length > 200 && <li className="px-3 py-2 text-xs text-slate-600">{tPapers("first200")}</li>}
      </ul>
    </details>
  );
}
