"use client";

import { useState } from "react";
import { QueryClient, onlineManager } from "@tanstack/react-query";
import { PersistQueryClientProvider } from "@tanstack/react-query-persist-client";
import { createAsyncStoragePersister } from "@tanstack/query-async-storage-persister";
import { del, get, set } from "idb-keyval";
import { PACK_MUTATION, packMutationFn, retryOffline } from "@/lib/pack-client";

const DAY = 24 * 60 * 60 * 1000;
// How long unused data stays: a day in the browser (an offline tablet keeps its queue). On the server, where each
// page render makes its own client, never a timer: a day-long timer per query held every render's client and its
// data for a day, ~200 KB per dashboard page served (the app server ran out of heap in the browser suite).
const KEEP = typeof window === "undefined" ? Infinity : DAY;

/**
 * The dashboard's client-side server state (TanStack Query): the bell's notifications, the bulk bar's runs,
 * the packing station's queue and actions. What a query marks `meta: { persist: true }` and every packing
 * action still waiting for the network are kept in IndexedDB under the person's own key, so a
 * tablet that loses Wi-Fi — or is reloaded without it — keeps its queue and replays its actions, in order,
 * when the network is back. The functions of persisted actions are registered here (a function is not
 * stored), before the stored actions are read back.
 */
export function QueryProvider({ userId, children }: { userId: string; children: React.ReactNode }) {
  const [client] = useState(() => {
    // TanStack assumes a network until the browser says otherwise; a page opened (or reloaded) offline says so now.
    if (typeof navigator !== "undefined") onlineManager.setOnline(navigator.onLine);
    const qc = new QueryClient({
      defaultOptions: {
        queries: { staleTime: 15_000, gcTime: KEEP, retry: retryOffline, refetchOnWindowFocus: true },
        mutations: { gcTime: KEEP, retry: retryOffline },
      },
    });
    // One after another, in the order they were taken; the queue is read again after each.
    qc.setMutationDefaults(PACK_MUTATION, {
      mutationFn: packMutationFn,
      scope: { id: "pack" },
      onSettled: () => qc.invalidateQueries({ queryKey: ["pack-queue"] }),
    });
    return qc;
  });
  const [persister] = useState(() =>
    createAsyncStoragePersister({
      key: `tajer-query:${userId}`,
      storage: {
        getItem: (k: string) => get<string>(k).then((v) => v ?? null),
        setItem: (k: string, v: string) => set(k, v),
        removeItem: (k: string) => del(k),
      },
      // Written at once: an action taken just before the tablet is closed or reloaded must already be kept.
      throttleTime: 0,
    }),
  );
  return (
    <PersistQueryClientProvider
      client={client}
      persistOptions={{
        persister,
        maxAge: DAY,
        dehydrateOptions: {
          shouldDehydrateQuery: (q) => q.state.status === "success" && q.meta?.persist === true,
          // Only actions that can be replayed: the packing station's, whose function is registered above.
          shouldDehydrateMutation: (m) => m.options.mutationKey?.[0] === PACK_MUTATION[0] && (m.state.isPaused || m.state.status !== "idle"),
        },
      }}
      // Actions that were waiting when the tablet was closed go out as soon as they are read back.
      onSuccess={() => void client.resumePausedMutations()}
    >
      {children}
    </PersistQueryClientProvider>
  );
}
