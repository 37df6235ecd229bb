import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { getRiskSettings } from "@/server/customers/manage-risk-settings";
import { Forbidden } from "@/components/forbidden";
import { Card } from "@/components/ui/card";
import { PageHeading } from "@/components/page-heading";
import { RiskSettingsForm } from "./_components/risk-settings-form";
import { ConfirmationSettingsForm } from "./_components/confirmation-settings-form";
import { getConfirmationSettings } from "@/server/orders/cod-confirmation";
import { getStatementColumns } from "@/server/cod/statement-settings";
import { StatementColumnsForm } from "./_components/statement-columns-form";
import { CodTermsForm } from "./_components/cod-terms-form";
import { getCodTerms } from "@/server/orders/manage-cod-terms";
import { KNOWN_CITIES } from "@/server/shipping/cities";
import { minorUnitDigits } from "@/server/money/money";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("riskSettings"))("title") };
}

async function CodSettingsPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "settings.read")) return <Forbidden />;
  const [settings, confirmation, columns, terms, t, tc, ts, tCity] = await Promise.all([
    getRiskSettings(ctx),
    getConfirmationSettings(ctx),
    getStatementColumns(ctx),
    getCodTerms(ctx),
    getTranslations("riskSettings"),
    getTranslations("confirmationSettings"),
    getTranslations("codSettings"),
    getTranslations("cities"),
  ]);
  const cities = KNOWN_CITIES.map((key) => ({ key, name: tCity(key as "riyadh") })).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <main className="max-w-3xl space-y-4">
      <PageHeading title={t("title")} intro={t("intro")} />
      <Card title={tc("title")}>
        <ConfirmationSettingsForm storeSlug={store.slug} settings={confirmation} canEdit={can(ctx.role, "settings.manage")} />
      </Card>
      <Card title={ts("termsTitle")}>
        <CodTermsForm
          storeSlug={store.slug}
          terms={terms}
          cities={cities}
          digits={minorUnitDigits(store.currency)}
          canEdit={can(ctx.role, "settings.manage")}
        />
      </Card>
      <Card title={t("riskTitle")}>
        <RiskSettingsForm storeSlug={store.slug} settings={settings} canEdit={can(ctx.role, "settings.manage")} />
      </Card>
      <Card title={ts("columnsTitle")}>
        <StatementColumnsForm storeSlug={store.slug} columns={columns} canEdit={can(ctx.role, "settings.manage")} />
      </Card>
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/settings/cod/page", CodSettingsPage);
