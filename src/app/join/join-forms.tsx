"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert, fieldError, useActionForm } from "@/components/form-result";
import { cardClass } from "@/components/auth-shell";
import { Ltr } from "@/components/bidi";
import { NewPasswordFields } from "@/components/new-password-fields";
import { acceptInvitationAction, joinWithNewAccountAction } from "./actions";

export function AcceptInvitationForm({ store, token, intro }: { store: string; token: string; intro: ReactNode }) {
  const t = useTranslations("join");
  const { result, pending, form } = useActionForm(acceptInvitationAction);
  return (
    <form {...form} className={cardClass}>
      {intro}
      <FormAlert result={result} />
      <input type="hidden" name="store" value={store} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" className="w-full" disabled={pending || !!result?.ok}>
        {t("accept")}
      </Button>
    </form>
  );
}

export function JoinWithNewAccountForm({ store, token, email, intro }: { store: string; token: string; email: string; intro: ReactNode }) {
  const t = useTranslations("join");
  const s = useTranslations("signUp");
  const { result, pending, form } = useActionForm(joinWithNewAccountAction);
  return (
    <form {...form} className={cardClass}>
      {intro}
      <FormAlert result={result} fields={["name", "password", "confirmPassword"]} />
      <input type="hidden" name="store" value={store} />
      <input type="hidden" name="token" value={token} />
      <div className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">{s("email")}</span>
        <Ltr className="block rounded-lg bg-slate-50 px-3 py-2.5 text-slate-900">{email}</Ltr>
      </div>
      <Field label={s("name")} name="name" autoComplete="name" required error={fieldError(result, "name")} />
      <NewPasswordFields result={result} labels={{ password: s("password"), again: s("confirmPassword") }} />
      <p className="text-xs text-slate-600">{s("passwordRule")}</p>
      <Button type="submit" className="w-full" disabled={pending || !!result?.ok}>
        {t("createAndJoin")}
      </Button>
    </form>
  );
}
