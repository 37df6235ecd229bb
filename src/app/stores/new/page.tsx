import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUserId } from "@/server/auth/session";
import { AuthShell } from "@/components/auth-shell";
import { publicUrl } from "@/server/http/public-url";
import { NewStoreForm } from "./new-store-form";

export async function generateMetadata() {
  return { title: (await getTranslations("newStore"))("title") };
}

export default async function NewStorePage() {
  if (!(await currentUserId())) redirect("/signin");
  const [t, locale] = await Promise.all([getTranslations("newStore"), getLocale()]);
  return (
    <AuthShell title={t("title")} subtitle={t("subtitle")}>
      <NewStoreForm locale={locale} addressPrefix={`${new URL(publicUrl()).host}/s/`} />
    </AuthShell>
  );
}
