import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { getTaxProfile } from "@/server/tax/tax-profile";
import { Forbidden } from "@/components/forbidden";
import { PageHeading } from "@/components/page-heading";
import { TaxProfileForm } from "./_components/tax-profile-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("taxSettings"))("title") };
}

async function TaxSettingsPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "settings.read")) return <Forbidden />;
  const [profile, t] = await Promise.all([getTaxProfile(ctx), getTranslations("taxSettings")]);
  return (
    <main className="max-w-3xl space-y-4">
      <PageHeading title={t("title")} intro={t("intro")} />
      <TaxProfileForm storeSlug={store.slug} profile={profile} canEdit={can(ctx.role, "settings.manage")} />
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/settings/tax/page", TaxSettingsPage);
