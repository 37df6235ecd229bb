"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert, fieldError, useActionForm } from "@/components/form-result";
import { cardClass } from "@/components/auth-shell";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("passwordReset");
  const { result, pending, form } = useActionForm(resetPasswordAction);
  return (
    <form {...form} className={cardClass}>
      <FormAlert result={result} fields={["password", "confirmPassword"]} />
      <input type="hidden" name="token" value={token} />
      <Field label={t("newPassword")} name="password" type="password" autoComplete="new-password" required dir="ltr" error={fieldError(result, "password")} />
      <Field
        label={t("confirmPassword")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        dir="ltr"
        error={fieldError(result, "confirmPassword")}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
