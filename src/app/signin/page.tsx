import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUserId } from "@/server/auth/session";
import { LanguageSwitcher } from "@/components/language-switcher";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage() {
  if (await currentUserId()) redirect("/");
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-4 flex size-14 items-center justify-center rounded-2xl bg-brand-600 text-2xl font-semibold text-white">ت</div>
          <h1 className="text-2xl font-semibold">{t("signIn.title")}</h1>
          <p className="mt-1 text-slate-600">{t("app.tagline")}</p>
        </div>
        <SignInForm />
        <div className="mt-6 flex justify-center">
          <LanguageSwitcher />
        </div>
      </div>
    </main>
  );
}
