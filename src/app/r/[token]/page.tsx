import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { orNotFound } from "@/server/errors/or-not-found";
import { reviewPageByToken, type ReviewPage } from "@/server/reviews/review-page";
import { formatOrderNumber } from "@/server/orders/order-number";
import { publicUrl } from "@/server/http/public-url";
import { ReviewForm } from "./_components/review-form";
import { withClientMessages } from "@/i18n/client-messages";

// The customer's review page, linked from the review-request SMS. Public by its token only.
export const dynamic = "force-dynamic";

// Metadata and page share one lookup per request.
const load = cache((token: string): Promise<ReviewPage> => orNotFound(reviewPageByToken(token)));

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const page = await load((await params).token);
  const t = await getTranslations("reviewPage");
  return { title: `${t("title")} · ${page.store.name}`, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

async function ReviewRequestPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const page = await load(token);
  const t = await getTranslations("reviewPage");
  return (
    <main className="mx-auto min-h-screen max-w-xl space-y-4 bg-slate-50 px-4 py-6">
      <header className="space-y-1">
        <p className="text-sm font-medium text-brand-700">{page.store.name}</p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro", { number: formatOrderNumber(page.orderNumber) })}</p>
      </header>
      <ReviewForm token={token} page={page} shareUrl={`${publicUrl()}/widget/stores/${page.store.slug}/reviews`} />
    </main>
  );
}

export default withClientMessages("r/[token]/page", ReviewRequestPage);
