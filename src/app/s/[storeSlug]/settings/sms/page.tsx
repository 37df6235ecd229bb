import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { can } from "@/server/auth/permissions";
import { getSmsSettings } from "@/server/notifications/sms-settings";
import { DEFAULT_TEMPLATES } from "@/server/notifications/sms-templates";
import { Forbidden } from "@/components/forbidden";
import { SmsSettingsForm } from "./_components/sms-settings-form";
import { PageHeading } from "@/components/page-heading";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("sms") };
}

async function SmsSettingsPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { ctx, store } = await requireStoreAccess(storeSlug);
  if (!can(ctx.role, "settings.read")) return <Forbidden />;
  const [settings, t] = await Promise.all([getSmsSettings(ctx), getTranslations("smsSettings")]);
  return (
    <main className="max-w-3xl space-y-4">
      <PageHeading title={t("title")} intro={t("intro")} />
      <SmsSettingsForm storeSlug={store.slug} settings={settings} defaults={DEFAULT_TEMPLATES} canEdit={can(ctx.role, "settings.manage")} />
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/settings/sms/page", SmsSettingsPage);
