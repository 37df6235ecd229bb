import Link from "next/link";
import { safeParseInput } from "@/server/http/validation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { listReviews, reviewStats, reviewsQuery } from "@/server/reviews/manage-reviews";
import { Forbidden } from "@/components/forbidden";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ReviewRow } from "./_components/review-row";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("reviews"))("title") };
}

const Stars = ({ n }: { n: number }) => (
  <span className="tracking-wider text-amber-500" aria-hidden>
    {"★".repeat(Math.round(n))}
    <span className="text-slate-300">{"★".repeat(5 - Math.round(n))}</span>
  </span>
);

async function ReviewsPage({ params, searchParams }: { params: Promise<{ storeSlug: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "reviews.manage")) return <Forbidden />;
  const raw = await searchParams;
  const parsed = safeParseInput(reviewsQuery, raw);
  const query = parsed.success ? parsed.data : {};
  const [list, stats, t, format] = await Promise.all([listReviews(ctx, query), reviewStats(ctx), getTranslations("reviews"), getFormatter()]);
  const base = `/s/${store.slug}/reviews`;
  const withParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(
      Object.entries({ ...query, cursor: undefined, [key]: value }).filter(([, v]) => v !== undefined && v !== "") as [string, string][],
    );
    return `${base}${next.size ? `?${next}` : ""}`;
  };
  const chip = (active: boolean) =>
    `flex min-h-11 items-center rounded-lg px-3 text-sm ${active ? "bg-brand-50 font-medium text-brand-700" : "hover:bg-slate-100"}`;
  return (
    <main className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="flex gap-2">
          <Link href={`${base}/discounts`} className={buttonClass("secondary")}>
            {t("discounts")}
          </Link>
          <Link href={`/s/${store.slug}/settings/reviews`} className={buttonClass("ghost")}>
            {t("settings")}
          </Link>
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-3">
          <nav aria-label={t("filters")} className="flex flex-wrap gap-1">
            {([undefined, "pending", "published", "hidden"] as const).map((st) => (
              <Link
                key={st ?? "all"}
                href={withParam("status", st)}
                aria-current={query.status === st ? "page" : undefined}
                className={chip(query.status === st)}
              >
                {t(`status.${st ?? "all"}`)}
              </Link>
            ))}
            <span className="mx-1 w-px bg-slate-200" />
            {[5, 4, 3, 2, 1].map((n) => (
              <Link
                key={n}
                href={withParam("rating", query.rating === n ? undefined : String(n))}
                aria-current={query.rating === n ? "page" : undefined}
                className={chip(query.rating === n)}
              >
                {t("starsFilter", { count: n })}
              </Link>
            ))}
            <Link href={withParam("photos", query.photos ? undefined : "1")} aria-current={query.photos ? "page" : undefined} className={chip(!!query.photos)}>
              {t("withPhotos")}
            </Link>
          </nav>
          {query.product && (
            <p className="text-sm">
              {t("forProduct", { name: stats.products.find((p) => p.productId === query.product)?.name ?? "" })}{" "}
              <Link href={withParam("product", undefined)} className="text-brand-700 underline">
                {t("allProducts")}
              </Link>
            </p>
          )}
          {list.data.length === 0 ? (
            <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">{t("empty")}</p>
          ) : (
            <ul className="space-y-3">
              {list.data.map((r) => (
                <ReviewRow
                  key={r.id}
                  storeSlug={store.slug}
                  review={r}
                  date={format.dateTime(new Date(r.createdAt), { dateStyle: "medium", timeZone: store.timeZone })}
                />
              ))}
            </ul>
          )}
          {list.nextCursor && (
            <Link
              href={`${withParam("cursor", undefined)}${withParam("cursor", undefined).includes("?") ? "&" : "?"}cursor=${list.nextCursor}`}
              className={buttonClass("secondary")}
            >
              {t("older")}
            </Link>
          )}
        </div>
        <aside className="space-y-4">
          <Card title={t("products")}>
            {stats.products.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noneYet")}</p>
            ) : (
              <ul className="space-y-2 text-sm" data-testid="product-ratings">
                {stats.products.map((p) => (
                  <li key={p.productId} className="flex items-center justify-between gap-2">
                    <Link href={withParam("product", p.productId)} className="min-w-0 truncate hover:underline">
                      {p.name}
                    </Link>
                    <span className="shrink-0 whitespace-nowrap">
                      <Stars n={p.average} /> {format.number(p.average)} ({format.number(p.count)})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("carriers")}>
            {stats.carriers.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noneYet")}</p>
            ) : (
              <ul className="space-y-2 text-sm" data-testid="carrier-ratings">
                {stats.carriers.map((c) => (
                  <li key={c.carrier} className="flex items-center justify-between gap-2">
                    <span>{c.name}</span>
                    <span className="whitespace-nowrap">
                      <Stars n={c.average} /> {format.number(c.average)} ({format.number(c.count)})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </aside>
      </div>
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/reviews/page", ReviewsPage);
