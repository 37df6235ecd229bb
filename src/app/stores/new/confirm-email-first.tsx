"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert, useActionForm } from "@/components/form-result";
import { cardClass } from "@/components/auth-shell";
import { Ltr } from "@/components/bidi";
import { resendVerificationAction } from "./actions";

/** A user whose address is not confirmed yet cannot open a store: this says so and sends a new link. */
export function ConfirmEmailFirst({ email }: { email: string }) {
  const t = useTranslations("newStore");
  const { result, pending, form } = useActionForm(resendVerificationAction);
  const sent = result?.ok && !result.data.alreadyConfirmed;
  return (
    <form {...form} className={cardClass}>
      <h2 className="text-base font-semibold text-slate-900">{t("confirmFirst")}</h2>
      <p className="text-sm text-slate-700">{t.rich("confirmFirstBody", { email, addr: (chunks) => <Ltr>{chunks}</Ltr> })}</p>
      <FormAlert result={result} />
      {sent ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t.rich("resent", { email, addr: (chunks) => <Ltr>{chunks}</Ltr> })}
        </p>
      ) : result?.ok ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("alreadyConfirmed")}
        </p>
      ) : null}
      <Button type="submit" variant="secondary" className="w-full" disabled={pending}>
        {t("resend")}
      </Button>
    </form>
  );
}
