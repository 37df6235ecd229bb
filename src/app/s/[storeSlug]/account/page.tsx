import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "./change-password-form";
import { PageHeading } from "@/components/page-heading";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

async function AccountPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { user } = await requireStoreAccess(storeSlug);
  const t = await getTranslations("account");
  return (
    <main className="max-w-xl space-y-4">
      <PageHeading title={t("title")} intro={t("signedInAs", { name: user.name })} />
      <Card title={t("changePassword")}>
        <ChangePasswordForm />
      </Card>
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/account/page", AccountPage);
