"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert, fieldError } from "@/components/form-result";
import { cardClass } from "@/components/auth-shell";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const t = useTranslations("passwordReset");
  const [result, formAction, pending] = useActionState(requestPasswordResetAction, null);
  if (result?.ok)
    return (
      <p role="status" className={`${cardClass} text-sm`}>
        {t("sent", { email: result.data.sentTo })}
      </p>
    );
  return (
    <form action={formAction} className={cardClass} noValidate>
      <FormAlert result={result} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required dir="ltr" error={fieldError(result, "email")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("send")}
      </Button>
    </form>
  );
}
