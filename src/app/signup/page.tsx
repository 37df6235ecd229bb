import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUserId } from "@/server/auth/session";
import { AuthShell } from "@/components/auth-shell";
import { SignUpForm } from "./sign-up-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("signUp"))("title") };
}

async function SignUpPage() {
  if (await currentUserId()) redirect("/");
  const t = await getTranslations("signUp");
  return (
    <AuthShell
      title={t("title")}
      subtitle={t("subtitle")}
      footer={
        <p>
          {t("haveAccount")}{" "}
          <Link href="/signin" className="font-medium text-brand-700 underline">
            {t("signIn")}
          </Link>
        </p>
      }
    >
      <SignUpForm />
    </AuthShell>
  );
}

export default withClientMessages("signup/page", SignUpPage);
