"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert, useActionForm } from "@/components/form-result";
import { cardClass } from "@/components/auth-shell";
import { NewPasswordFields } from "@/components/new-password-fields";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("passwordReset");
  const { result, pending, form } = useActionForm(resetPasswordAction);
  return (
    <form {...form} className={cardClass}>
      <FormAlert result={result} fields={["password", "confirmPassword"]} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields result={result} labels={{ password: t("newPassword"), again: t("confirmPassword") }} />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
