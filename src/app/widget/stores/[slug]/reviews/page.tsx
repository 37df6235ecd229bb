import { getTranslations } from "next-intl/server";
import { orNotFound } from "@/server/errors/or-not-found";
import { publicUrl } from "@/server/http/public-url";
import { publishedReviews } from "@/server/reviews/manage-reviews";

// The iframe form of the reviews component (and a page a customer can share): the store's published
// reviews, in its language. Meant to be embedded anywhere.
export const dynamic = "force-dynamic";

export default async function WidgetReviewsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ cursor?: string }> }) {
  const { slug } = await params;
  const { cursor } = await searchParams;
  // An unknown store, or a cursor this page did not make: not found.
  const result = await orNotFound(
    publishedReviews(slug, { cursor, limit: 12 }, (id) => `${publicUrl()}/api/public/review-photos/${id}`),
    ["NOT_FOUND", "VALIDATION_FAILED"],
  );
  const locale = result.store.locale;
  const t = await getTranslations({ locale, namespace: "widget" });
  const date = new Intl.DateTimeFormat(locale === "ar" ? "ar-SA-u-nu-latn" : "en-GB", { dateStyle: "medium" });
  return (
    <main lang={locale} dir={locale === "ar" ? "rtl" : "ltr"} className="min-h-screen bg-white p-3 text-slate-900">
      <h1 className="mb-3 text-lg font-semibold">
        {t("title")} · {result.store.name}
      </h1>
      {result.data.length === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}
      <ul tabIndex={0} aria-label={t("title")} className="flex snap-x gap-3 overflow-x-auto pb-2 focus-visible:outline-2 focus-visible:outline-brand-600">
        {result.data.map((r) => (
          <li key={r.id} className="w-72 shrink-0 snap-start rounded-xl border border-slate-200 p-3 text-sm" data-testid="widget-review">
            <p className="text-base tracking-widest text-amber-500" aria-label={t("stars", { count: r.rating })}>
              {"★".repeat(r.rating)}
              <span className="text-slate-300">{"★".repeat(5 - r.rating)}</span>
            </p>
            <p className="mt-1 font-semibold">{r.product ?? t("experience")}</p>
            {r.text && <p className="mt-1 whitespace-pre-line [overflow-wrap:anywhere]">{r.text}</p>}
            <p className="mt-1 text-xs text-slate-500">
              {r.author} · {date.format(new Date(r.date))}
            </p>
            {r.photos.length > 0 && (
              <div className="mt-2 flex gap-2">
                {r.photos.map((p) => (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img key={p.url} src={p.url} alt={r.product ?? ""} width={72} height={72} loading="lazy" className="size-18 rounded-lg object-cover" />
                ))}
              </div>
            )}
            {r.reply && (
              <p className="mt-2 rounded-lg bg-slate-100 p-2 text-xs">
                {t("reply")} {r.reply}
              </p>
            )}
          </li>
        ))}
      </ul>
      {result.nextCursor && (
        <a
          href={`?cursor=${encodeURIComponent(result.nextCursor)}`}
          className="mt-2 inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-4 text-sm"
        >
          {t("more")}
        </a>
      )}
    </main>
  );
}
