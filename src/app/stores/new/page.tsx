import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUserId } from "@/server/auth/session";
import { emailStatus } from "@/server/accounts/verify-and-reset";
import { AuthShell } from "@/components/auth-shell";
import { publicUrl } from "@/server/http/public-url";
import { NewStoreForm } from "./new-store-form";
import { ConfirmEmailFirst } from "./confirm-email-first";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("newStore"))("title") };
}

async function NewStorePage() {
  const userId = await currentUserId();
  const status = userId && (await emailStatus(userId));
  if (!status) redirect("/signin");
  const [t, locale] = await Promise.all([getTranslations("newStore"), getLocale()]);
  return (
    <AuthShell title={t("title")} subtitle={status.confirmed ? t("subtitle") : undefined}>
      {status.confirmed ? <NewStoreForm locale={locale} addressPrefix={`${new URL(publicUrl()).host}/s/`} /> : <ConfirmEmailFirst email={status.email} />}
    </AuthShell>
  );
}

export default withClientMessages("stores/new/page", NewStorePage);
