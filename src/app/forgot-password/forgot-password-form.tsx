"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert, fieldError, useActionForm } from "@/components/form-result";
import { cardClass } from "@/components/auth-shell";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const t = useTranslations("passwordReset");
  const { result, pending, form } = useActionForm(requestPasswordResetAction);
  if (result?.ok)
    return (
      <p role="status" className={`${cardClass} text-sm`}>
        {t("sent", { email: result.data.sentTo })}
      </p>
    );
  return (
    <form {...form} className={cardClass}>
      <FormAlert result={result} fields={["email"]} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required dir="ltr" error={fieldError(result, "email")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("send")}
      </Button>
    </form>
  );
}
