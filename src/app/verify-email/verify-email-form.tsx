"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert, useActionForm } from "@/components/form-result";
import { cardClass } from "@/components/auth-shell";
import { verifyEmailAction } from "./actions";

export function VerifyEmailForm({ token }: { token: string }) {
  const t = useTranslations("signUp");
  const { result, pending, form } = useActionForm(verifyEmailAction);
  return (
    <form {...form} className={cardClass}>
      <FormAlert result={result} />
      {result && !result.ok && (
        <Link href="/stores/new" className="block text-sm font-medium text-brand-700 underline">
          {t("getNewLink")}
        </Link>
      )}
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-700">{t("confirmIntro")}</p>
      <Button type="submit" className="w-full" disabled={pending}>
        {t("confirm")}
      </Button>
    </form>
  );
}
