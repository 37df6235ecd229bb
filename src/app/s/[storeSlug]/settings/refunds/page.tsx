import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { getRefundSettings } from "@/server/orders/refund-settings";
import { minorUnitDigits } from "@/server/money/money";
import { Forbidden } from "@/components/forbidden";
import { Card } from "@/components/ui/card";
import { RefundSettingsForm } from "./_components/refund-settings-form";
import { PageHeading } from "@/components/page-heading";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("refundSettings"))("title") };
}

async function RefundSettingsPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "settings.read")) return <Forbidden />;
  const [settings, t] = await Promise.all([getRefundSettings(ctx), getTranslations("refundSettings")]);
  return (
    <main className="max-w-3xl space-y-4">
      <PageHeading title={t("title")} intro={t("intro")} />
      <Card title={t("staff")}>
        <RefundSettingsForm
          storeSlug={store.slug}
          staffRefundLimit={settings.staffRefundLimit}
          currency={settings.currency}
          currencyDigits={minorUnitDigits(settings.currency)}
          canEdit={can(ctx.role, "settings.manage")}
        />
      </Card>
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/settings/refunds/page", RefundSettingsPage);
