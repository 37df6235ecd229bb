"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/form-result";
import { cardClass } from "@/components/auth-shell";
import { verifyEmailAction } from "./actions";

export function VerifyEmailForm({ token }: { token: string }) {
  const t = useTranslations("signUp");
  const [result, formAction, pending] = useActionState(verifyEmailAction, null);
  return (
    <form action={formAction} className={cardClass}>
      <FormAlert result={result} />
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-700">{t("confirmIntro")}</p>
      <Button type="submit" className="w-full" disabled={pending}>
        {t("confirm")}
      </Button>
    </form>
  );
}
