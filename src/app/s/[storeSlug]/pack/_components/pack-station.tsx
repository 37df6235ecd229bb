"use client";

import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { onlineManager, useMutationState, useQuery } from "@tanstack/react-query";
import type { StationData, StationOrder } from "@/lib/pack-scan";
import { PACK_MUTATION, type PackVariables } from "@/lib/pack-client";
import { Ltr, Typed } from "@/components/bidi";
import { PackOrder } from "./pack-order";

const SHELL_CACHE = "tajer-station-v1";

/**
 * The station's app shell kept for offline use: a service worker answers the station's page and its
 * scripts from the cache when the network is gone. The page puts itself and what it loaded into the
 * cache once registered (the worker cannot see what loaded before it started). Answers whether the copy
 * is complete: the page's own copy is kept only once its whole body arrived (it streams), so a network
 * lost before then leaves no copy rather than half of one.
 */
function useOfflineShell(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
    let live = true;
    void navigator.serviceWorker
      .register("/station-sw.js", { scope: "/s/" })
      .then(() => caches.open(SHELL_CACHE))
      .then(async (cache) => {
        // The page first, on its own: behind a score of scripts it would wait for a free connection.
        await cache.add(location.pathname);
        const assets = performance
          .getEntriesByType("resource")
          .map((e) => new URL(e.name))
          .filter((u) => u.origin === location.origin && (u.pathname.startsWith("/_next/static/") || u.pathname === "/vendor/zxing_reader.wasm"))
          .map((u) => u.pathname + u.search);
        await Promise.all(assets.map((a) => cache.add(a).catch(() => undefined)));
        if (live) setReady(true);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return ready;
}

const subscribeOnline = (listener: () => void) => onlineManager.subscribe(listener);

export function useOnline() {
  return useSyncExternalStore(
    subscribeOnline,
    () => onlineManager.isOnline(),
    () => true,
  );
}

/** The queue, then one order: `?order=` in the address, so a reload (or the order page's link) opens it. */
/** The station's branch, kept on the tablet: a stockroom packs for its own branch. */
const branchListeners = new Set<() => void>();
function subscribeBranch(listener: () => void) {
  branchListeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    branchListeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

export function PackStation({ storeSlug, initial, initialOrderId }: { storeSlug: string; initial: StationData; initialOrderId: string | null }) {
  const t = useTranslations("pack");
  const offlineReady = useOfflineShell();
  const online = useOnline();
  const branchKey = `tajer-pack-branch:${storeSlug}`;
  const branch = useSyncExternalStore(
    subscribeBranch,
    () => localStorage.getItem(branchKey) ?? "",
    () => "",
  );
  const [openId, setOpenId] = useState<string | null>(initialOrderId);
  const open = useCallback((id: string | null) => {
    const url = new URL(location.href);
    if (id) url.searchParams.set("order", id);
    else url.searchParams.delete("order");
    history.replaceState(history.state, "", url);
    setOpenId(id);
    window.scrollTo({ top: 0 });
  }, []);
  const chooseBranch = (id: string) => {
    localStorage.setItem(branchKey, id);
    branchListeners.forEach((l) => l());
  };

  const queue = useQuery({
    queryKey: ["pack-queue", storeSlug, branch, initialOrderId],
    queryFn: async (): Promise<StationData> => {
      const search = new URLSearchParams({ ...(branch ? { branch } : {}), ...(initialOrderId ? { order: initialOrderId } : {}) });
      const response = await fetch(`/s/${encodeURIComponent(storeSlug)}/pack/queue?${search}`);
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    },
    initialData: branch === "" ? initial : undefined,
    initialDataUpdatedAt: Date.parse(initial.readAt),
    meta: { persist: true },
    refetchInterval: 30_000,
  });
  const data = queue.data ?? initial;
  const order = openId ? data.orders.find((o) => o.id === openId) : undefined;

  return (
    <main className="space-y-4" data-offline-ready={offlineReady}>
      <OfflineBanner online={online} />
      {openId && order ? (
        <PackOrder key={order.id} storeSlug={storeSlug} order={order} station={data} online={online} onBack={() => open(null)} />
      ) : (
        <>
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h1 className="text-2xl font-semibold">{t("title")}</h1>
            {data.branches.length > 1 && (
              <label className="flex flex-col text-sm">
                <span className="text-slate-600">{t("branch")}</span>
                <select
                  value={branch}
                  onChange={(e) => chooseBranch(e.target.value)}
                  className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 text-base"
                  data-testid="pack-branch"
                >
                  <option value="">{t("allBranches")}</option>
                  {data.branches.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          {openId && !order && <p className="rounded-lg bg-amber-50 p-3 text-amber-900">{t("notInQueue")}</p>}
          <Queue orders={data.orders} onOpen={open} />
          {!online && <p className="text-sm text-slate-600">{t("queueAsOf", { at: new Date(data.readAt).toLocaleTimeString() })}</p>}
        </>
      )}
      <RecentActions />
    </main>
  );
}

function Queue({ orders, onOpen }: { orders: StationOrder[]; onOpen: (id: string) => void }) {
  const t = useTranslations("pack");
  if (orders.length === 0) return <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-lg text-slate-600">{t("empty")}</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2" data-testid="pack-queue">
      {orders.map((o) => {
        const units = o.lines.reduce((n, l) => n + l.quantity, 0);
        return (
          <li key={o.id}>
            <button
              type="button"
              onClick={() => onOpen(o.id)}
              className={`flex min-h-24 w-full flex-col items-start gap-1 rounded-xl border-2 bg-white p-4 text-start shadow-xs hover:bg-slate-50 ${o.late ? "border-red-300" : "border-slate-200"}`}
            >
              <span className="flex w-full items-center justify-between gap-2">
                <span className="text-xl font-semibold">
                  <Ltr>#{o.number}</Ltr>
                </span>
                {o.late && <span className="rounded-full bg-red-100 px-3 py-1 text-sm font-semibold text-red-800">{t("late")}</span>}
                {o.lastPack && <span className="rounded-full bg-emerald-100 px-3 py-1 text-sm font-semibold text-emerald-800">{t("packedBadge")}</span>}
              </span>
              <span className="text-base">
                <Typed>{o.customerName}</Typed> · <Typed>{o.shippingCity}</Typed>
              </span>
              <span className="text-sm text-slate-600">{t("units", { n: units, lines: o.lines.length })}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** "Offline — 3 actions waiting", and while the network is back, that they are being sent. */
function OfflineBanner({ online }: { online: boolean }) {
  const t = useTranslations("pack");
  const waiting = useMutationState({ filters: { mutationKey: PACK_MUTATION, status: "pending" } }).length;
  if (online && waiting === 0) return null;
  return (
    <div
      role="status"
      data-testid="offline-banner"
      className={`rounded-xl px-4 py-3 text-base font-medium ${online ? "bg-sky-100 text-sky-900" : "bg-amber-100 text-amber-950"}`}
    >
      {online ? t("sending", { n: waiting }) : t("offline", { n: waiting })}
    </div>
  );
}

/** Each packing sent from this tablet today, with what became of it: waiting, recorded, or refused (and why). */
function RecentActions() {
  const t = useTranslations("pack");
  const actions = useMutationState({
    filters: { mutationKey: PACK_MUTATION },
    select: (m) => ({
      variables: m.state.variables as PackVariables | undefined,
      status: m.state.status,
      paused: m.state.isPaused,
      error: m.state.error as Error | null,
      at: m.state.submittedAt,
    }),
  });
  const shown = actions.filter((a) => a.variables).sort((a, b) => b.at - a.at);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="recent-actions" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="recent-actions" className="mb-2 font-semibold">
        {t("recent")}
      </h2>
      <ul className="space-y-1 text-sm" data-testid="recent-actions">
        {shown.map((a) => (
          <li key={a.variables!.key} className="flex flex-wrap gap-x-2">
            <span className="font-medium">
              <Ltr>#{a.variables!.orderNumber}</Ltr>
            </span>
            <span className={a.status === "error" ? "text-red-700" : a.status === "success" ? "text-emerald-700" : "text-slate-700"}>
              {a.status === "success" ? t("actionDone") : a.status === "error" ? a.error?.message : a.paused ? t("actionWaiting") : t("actionSending")}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
