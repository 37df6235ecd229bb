import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Ltr, Typed } from "@/components/bidi";
import { PageHeading } from "@/components/page-heading";
import { buttonClass } from "@/components/ui/button";
import { can } from "@/server/auth/permissions";
import { requireStoreAccess } from "@/server/stores/store-access";
import { listInbox, listSent, monthSpend, type SentMessageDto } from "@/server/notifications/messages";
import { formatOrderNumber } from "@/server/orders/order-number";
import { decodeCursor } from "@/lib/cursor";
import { formatMicros } from "@/server/notifications/message-prices";

export async function generateMetadata() {
  return { title: (await getTranslations("messages"))("title") };
}

const price = (p: { micros: number; unit: string }) => formatMicros(p.micros, p.unit);
const STATUS_COLORS: Record<string, string> = {
  delivered: "bg-emerald-100 text-emerald-800",
  read: "bg-emerald-100 text-emerald-800",
  undelivered: "bg-red-100 text-red-800",
  failed: "bg-red-100 text-red-800",
  not_configured: "bg-amber-100 text-amber-900",
};
const STATUSES = ["pending", "queued", "sent", "delivered", "read", "undelivered", "failed", "not_configured"] as const;

/** What customers wrote and what the store sent them, newest first; this month's spend per channel. */
export default async function MessagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ storeSlug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  const search = await searchParams;
  const box = search.box === "sent" ? "sent" : "inbox";
  // A cursor that is not one of ours starts from the newest.
  const cursor = typeof search.cursor === "string" && decodeCursor(search.cursor) ? search.cursor : undefined;
  const [t, te, format, spend] = await Promise.all([
    getTranslations("messages"),
    getTranslations("events"),
    getFormatter(),
    can(ctx.role, "settings.read") ? monthSpend(ctx) : Promise.resolve(null),
  ]);
  const list = box === "inbox" ? await listInbox(ctx, cursor) : await listSent(ctx, cursor);
  const base = `/s/${store.slug}/messages`;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: store.timeZone });
  const orderLink = (order: { id: string; number: number } | null) =>
    order && (
      <Link href={`/s/${store.slug}/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
        {formatOrderNumber(order.number)}
      </Link>
    );
  const statusOf = (m: SentMessageDto) => ((STATUSES as readonly string[]).includes(m.status) ? (m.status as (typeof STATUSES)[number]) : "pending");
  return (
    <main className="max-w-4xl space-y-4">
      <PageHeading title={t("title")} intro={t("intro")} />
      {spend && (
        <section aria-label={t("spend")} className="grid gap-3 sm:grid-cols-2" data-testid="message-spend">
          {(["sms", "whatsapp"] as const).map((channel) => {
            const rows = spend.filter((s) => s.channel === channel);
            const count = rows.reduce((n, r) => n + r.messages, 0);
            return (
              <div key={channel} className="rounded-xl border border-slate-200 bg-white p-4">
                <p className="text-sm text-slate-600">{t(`spendOf.${channel}`)}</p>
                <p className="text-lg font-semibold">{t("messagesCount", { n: count })}</p>
                <p className="text-sm text-slate-700">
                  {rows.filter((r) => r.unit).length
                    ? rows
                        .filter((r) => r.unit)
                        .map((r) => price({ micros: r.micros, unit: r.unit! }))
                        .join(" + ")
                    : t("noCost")}
                </p>
              </div>
            );
          })}
        </section>
      )}
      <nav aria-label={t("boxes")} className="flex gap-2">
        {(["inbox", "sent"] as const).map((b) => (
          <Link key={b} href={`${base}?box=${b}`} aria-current={box === b ? "page" : undefined} className={buttonClass(box === b ? "primary" : "secondary")}>
            {t(`box.${b}`)}
          </Link>
        ))}
      </nav>
      {list.data.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">{t(`empty.${box}`)}</p>
      ) : (
        <ul className="space-y-3" data-testid={`messages-${box}`}>
          {box === "inbox"
            ? (list.data as Awaited<ReturnType<typeof listInbox>>["data"]).map((m) => (
                <li key={m.id} className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
                  <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium">{t(`channel.${m.channel}`)}</span>
                    {m.customer ? (
                      <Link href={`/s/${store.slug}/customers/${m.customer.id}`} className="font-medium text-brand-700 hover:underline">
                        <Typed>{m.customer.name}</Typed>
                      </Link>
                    ) : (
                      <Ltr>{m.from}</Ltr>
                    )}
                    {orderLink(m.order)}
                    {m.intent && <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">{t(`intent.${m.intent}`)}</span>}
                    <time dateTime={m.at} className="ms-auto text-xs text-slate-500">
                      {when(m.at)}
                    </time>
                  </p>
                  <p dir="auto" className="rounded-lg bg-amber-50 px-3 py-2 text-start text-sm whitespace-pre-line wrap-anywhere">
                    {m.body}
                  </p>
                </li>
              ))
            : (list.data as SentMessageDto[]).map((m) => (
                <li key={m.id} className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
                  <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium">{t(`channel.${m.channel}`)}</span>
                    <Ltr>{m.to}</Ltr>
                    {orderLink(m.order)}
                    <span className={`rounded-full px-2 py-0.5 text-xs ${STATUS_COLORS[m.status] ?? "bg-sky-100 text-sky-800"}`}>
                      {te(`smsStatus.${statusOf(m)}`)}
                    </span>
                    {m.price ? (
                      <span className="text-xs text-slate-600">{te("messagePrice", { price: price(m.price) })}</span>
                    ) : (
                      m.estimate !== null && <span className="text-xs text-slate-600">{te("messageEstimate", { price: formatMicros(m.estimate, "USD") })}</span>
                    )}
                    <time dateTime={m.at} className="ms-auto text-xs text-slate-500">
                      {when(m.at)}
                    </time>
                  </p>
                  <p dir="auto" className="rounded-lg bg-slate-50 px-3 py-2 text-start text-sm whitespace-pre-line wrap-anywhere text-slate-800">
                    {m.body}
                  </p>
                  {m.error && m.status !== "not_configured" && <p className="text-xs text-red-700">{m.error}</p>}
                </li>
              ))}
        </ul>
      )}
      {list.nextCursor && (
        <div className="flex justify-end">
          <Link href={`${base}?${new URLSearchParams({ box, cursor: list.nextCursor })}`} className={buttonClass("secondary")} rel="next">
            {t("older")}
          </Link>
        </div>
      )}
    </main>
  );
}
