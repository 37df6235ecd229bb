import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { VerifyEmailForm } from "./verify-email-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("signUp"))("confirmTitle") };
}

/** The sign-up email's link: one press confirms the address (opening the page changes nothing). */
async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const t = await getTranslations("signUp");
  return (
    <AuthShell title={t("confirmTitle")}>
      <VerifyEmailForm token={token} />
    </AuthShell>
  );
}

export default withClientMessages("verify-email/page", VerifyEmailPage);
