"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert, fieldError, useActionForm } from "@/components/form-result";
import { cardClass } from "@/components/auth-shell";
import { NewPasswordFields } from "@/components/new-password-fields";
import { signUpAction } from "./actions";

export function SignUpForm() {
  const t = useTranslations("signUp");
  const { result, pending, form } = useActionForm(signUpAction);
  if (result?.ok)
    return (
      <div role="status" className={cardClass}>
        <p className="font-medium">{t("checkInbox")}</p>
        <p className="text-sm text-slate-600">{t("sentTo", { email: result.data.sentTo })}</p>
      </div>
    );
  return (
    <form {...form} className={cardClass}>
      <FormAlert result={result} fields={["name", "email", "password", "confirmPassword"]} />
      <Field label={t("name")} name="name" autoComplete="name" required error={fieldError(result, "name")} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required dir="ltr" error={fieldError(result, "email")} />
      <NewPasswordFields result={result} labels={{ password: t("password"), again: t("confirmPassword") }} />
      <p className="text-xs text-slate-600">{t("passwordRule")}</p>
      <Button type="submit" className="w-full" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
