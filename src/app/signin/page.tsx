import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUserId } from "@/server/auth/session";
import { AuthShell } from "@/components/auth-shell";
import { localPath } from "@/server/auth/password-sign-in";
import { SignInForm } from "./sign-in-form";
import { withClientMessages } from "@/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; email?: string }> }) {
  const { next, email } = await searchParams;
  const target = localPath(typeof next === "string" ? next : null);
  if (await currentUserId()) redirect(target ?? "/");
  const t = await getTranslations();
  return (
    <AuthShell
      title={t("signIn.title")}
      subtitle={t("app.tagline")}
      footer={
        <>
          <p>
            <Link href="/forgot-password" className="text-brand-700 underline">
              {t("signUp.forgot")}
            </Link>
          </p>
          <p>
            {t("signUp.noAccount")}{" "}
            <Link href="/signup" className="font-medium text-brand-700 underline">
              {t("signUp.createAccount")}
            </Link>
          </p>
        </>
      }
    >
      <SignInForm next={target ?? undefined} email={typeof email === "string" ? email.slice(0, 320) : undefined} />
    </AuthShell>
  );
}

export default withClientMessages("signin/page", SignInPage);
