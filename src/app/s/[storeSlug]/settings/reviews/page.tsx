import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { getReviewSettings } from "@/server/reviews/manage-review-settings";
import { minorUnitDigits } from "@/server/money/money";
import { publicUrl } from "@/server/http/public-url";
import { Forbidden } from "@/components/forbidden";
import { ReviewSettingsForm } from "./_components/review-settings-form";
import { WidgetSnippet } from "./_components/widget-snippet";
import { PageHeading } from "@/components/page-heading";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("reviewSettings"))("title") };
}

async function ReviewSettingsPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "settings.read")) return <Forbidden />;
  const [settings, t] = await Promise.all([getReviewSettings(ctx), getTranslations("reviewSettings")]);
  return (
    <main className="max-w-3xl space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      <ReviewSettingsForm
        storeSlug={store.slug}
        storeName={store.name}
        settings={settings}
        currency={store.currency}
        digits={minorUnitDigits(store.currency)}
        canEdit={can(ctx.role, "settings.manage")}
      />
      <WidgetSnippet origin={publicUrl()} storeSlug={store.slug} />
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/settings/reviews/page", ReviewSettingsPage);
