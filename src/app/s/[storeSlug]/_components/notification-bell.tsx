"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import type { NotificationDto } from "@/server/notifications/list-notifications";
import type { NotificationData, NotificationType } from "@/server/notifications/notification-types";
import { fetchNotifications, markRead } from "../notification-actions";
import { useClickOutside } from "@/components/use-click-outside";

type State = { unread: number; items: NotificationDto[] };

/** The person's notifications as the server has them; an action's refusal is an error (TanStack retries it offline only). */
async function readNotifications(storeSlug: string): Promise<State> {
  const result = await fetchNotifications(storeSlug, {});
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

/**
 * The bell: unread count, the latest items, and new ones arriving live (and as browser notifications if
 * allowed). The list is a query of the dashboard's client (TanStack Query): the server's first render seeds
 * it, the live stream and a return to the window read it again, and marking read writes the answer into it.
 */
// The permission has no change event to subscribe to: it is read again on each render.
const noSubscription = () => () => {};

export function NotificationBell({ storeSlug, initial }: { storeSlug: string; initial: State }) {
  const t = useTranslations("notifications");
  const tLate = useTranslations("late");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const queryKey = ["notifications", storeSlug];
  const { data: state = initial } = useQuery({ queryKey, queryFn: () => readNotifications(storeSlug), initialData: initial, staleTime: 5_000 });
  const read = useMutation({
    mutationFn: async (ids?: string[]) => {
      const result = await markRead(storeSlug, ids ? { ids } : {});
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: (data) => queryClient.setQueryData(queryKey, data),
  });
  const [open, setOpen] = useState(false);
  const closePopover = useCallback(() => setOpen(false), []);
  // Whether the live stream is connected (said on the element for tests and support, not shown).
  const [live, setLive] = useState<"connecting" | "connected" | "ended">("connecting");
  // What the browser says now (nothing on the server, where there is no Notification), and what the person just chose.
  const [chosen, setPermission] = useState<NotificationPermission | null>(null);
  const current = useSyncExternalStore(
    noSubscription,
    () => (typeof Notification === "undefined" ? "unsupported" : Notification.permission),
    () => "unsupported" as const,
  );
  const permission = chosen ?? current;
  const panel = useRef<HTMLDivElement>(null);

  const text = useCallback(
    (n: NotificationDto) => {
      // Every type has its sentence: a new type without one fails the typecheck.
      const SENTENCES: { [T in NotificationType]: (data: NotificationData<T>) => string } = {
        "order.created": (d) => t("created", { number: `#${d.number}`, customer: d.customerName }),
        "order.assigned": (d) => t("assigned", { number: `#${d.number}`, by: d.by }),
        "comment.mention": (d) => t("mention", { number: `#${d.number}`, by: d.by }),
        "export.ready": (d) => t("exportReady", { n: d.rows }),
        "order.late": (d) => t("late", { number: `#${d.number}`, reason: tLate(`reasons.${d.reason}`) }),
        "confirmation.unanswered": (d) => t("confirmationUnanswered", { number: `#${d.number}` }),
        "message.received": (d) =>
          t(d.intent === "confirm" ? "messageConfirmed" : d.intent === "cancel" ? "messageDeclined" : "messageReceived", {
            number: `#${d.number}`,
            customer: d.customerName,
          }),
      };
      if (n.type === "unknown") return t("unknown");
      return (SENTENCES[n.type] as (data: unknown) => string)(n.data);
    },
    [t, tLate],
  );

  const router = useRouter();
  // Bumped to open a new stream after the server ended one.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const source = new EventSource(`/s/${storeSlug}/live`);
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const key = ["notifications", storeSlug];
    const refresh = async (announce: boolean) => {
      const before = queryClient.getQueryData<State>(key);
      const now = await queryClient.fetchQuery({ queryKey: key, queryFn: () => readNotifications(storeSlug), staleTime: 0 }).catch(() => null);
      if (!now || !announce || typeof Notification === "undefined" || Notification.permission !== "granted") return;
      for (const n of now.items.filter((n) => !n.read && !before?.items.some((b) => b.id === n.id))) new Notification(t("title"), { body: text(n), tag: n.id });
    };
    source.addEventListener("notification", () => void refresh(true));
    source.addEventListener("order", (e) => window.dispatchEvent(new CustomEvent("tajer:order", { detail: JSON.parse((e as MessageEvent).data) })));
    // After a reconnect, catch up on anything missed while the stream was down.
    source.addEventListener("ready", () => {
      setLive("connected");
      void refresh(false);
    });
    source.addEventListener("error", () => setLive("connecting"));
    // The session ended (signed out elsewhere, password changed) or this person's place in the team changed
    // (removed, another role): the page is drawn again by the server as things are now — the sign-in page, a
    // plain "not found", or the same page with what the new role shows — and a new stream is tried.
    source.addEventListener("ended", () => {
      setLive("ended");
      source.close();
      router.refresh();
      reopen = setTimeout(() => setGeneration((g) => g + 1), 1_000);
    });
    return () => {
      clearTimeout(reopen);
      source.close();
    };
  }, [storeSlug, t, text, router, generation, queryClient]);

  useClickOutside(panel, open, closePopover);

  const markAll = () => read.mutate(undefined);

  return (
    <div className="relative" ref={panel} data-live={live}>
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-label={t("bell", { count: state.unread })}
        className="relative flex size-11 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {state.unread > 0 && (
          <span
            data-testid="unread-count"
            className="absolute end-1 top-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-semibold text-white"
          >
            {state.unread > 99 ? "99+" : state.unread}
          </span>
        )}
      </button>
      {open && (
        <div role="dialog" aria-label={t("title")} className="absolute end-0 z-30 mt-2 w-80 max-w-[90vw] rounded-xl border border-slate-200 bg-white shadow-lg">
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <span className="font-semibold">{t("title")}</span>
            <button type="button" onClick={markAll} className="min-h-11 px-2 text-sm text-brand-700 hover:underline">
              {t("markAll")}
            </button>
          </div>
          {permission === "default" && (
            <button
              type="button"
              onClick={async () => setPermission(await Notification.requestPermission())}
              className="block min-h-11 w-full border-b border-slate-100 px-3 text-start text-sm text-brand-700 hover:bg-slate-50"
            >
              {t("enableBrowser")}
            </button>
          )}
          <ul className="max-h-96 overflow-y-auto">
            {state.items.length === 0 && <li className="p-4 text-sm text-slate-600">{t("empty")}</li>}
            {state.items.map((n) => (
              <li key={n.id}>
                <Link
                  href={n.orderId ? `/s/${storeSlug}/orders/${n.orderId}` : n.type === "export.ready" ? `/s/${storeSlug}/orders/exports` : "#"}
                  onClick={() => {
                    setOpen(false);
                    read.mutate([n.id]);
                  }}
                  className={`block px-3 py-2 text-sm hover:bg-slate-50 ${n.read ? "text-slate-600" : "bg-brand-50/60 font-medium"}`}
                >
                  {text(n)}
                  <span className="block text-xs font-normal text-slate-500">{format.relativeTime(new Date(n.createdAt))}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
