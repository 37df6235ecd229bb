import { getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "./change-password-form";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage({ params }: { params: Promise<{ storeSlug: string }> }) {
  const { storeSlug } = await params;
  const { user } = await requireStoreAccess(storeSlug);
  const t = await getTranslations("account");
  return (
    <main className="max-w-xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("signedInAs", { name: user.name })}</p>
      </div>
      <Card title={t("changePassword")}>
        <ChangePasswordForm />
      </Card>
    </main>
  );
}
