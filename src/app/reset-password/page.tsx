import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthShell, cardClass } from "@/components/auth-shell";
import { emailTokenUsable } from "@/server/accounts/email-tokens";
import { ResetPasswordForm } from "./reset-password-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("passwordReset"))("newTitle") };
}

/** The link from the reset email: a new password, if the link is still good (it is used only when the password is saved). */
async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const t = await getTranslations("passwordReset");
  const usable = await emailTokenUsable(token, "RESET_PASSWORD");
  return (
    <AuthShell title={t("newTitle")}>
      {usable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div role="alert" className={`${cardClass} text-sm`}>
          <p>{t("linkExpired")}</p>
          <Link href="/forgot-password" className="font-medium text-brand-700 underline">
            {t("askAgain")}
          </Link>
        </div>
      )}
    </AuthShell>
  );
}

export default withClientMessages("reset-password/page", ResetPasswordPage);
