"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { applySavedLocale } from "@/server/preferences/apply-saved-locale";

/** The words for next-auth's error name; a throttled try says why and how long to wait. */
function signInErrorText(error: string | null, t: ReturnType<typeof useTranslations<"signIn">>): string {
  if (error === "CredentialsSignin") return t("invalid");
  const [name, reason, seconds] = (error ?? "").split(":");
  if (name !== "TooManyAttempts") return t("failed");
  if (reason === "slow_down") return t("slowDown", { seconds: Number(seconds) || 1 });
  return t("protected");
}

export function SignInForm() {
  const t = useTranslations("signIn");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (result?.ok && !result.error) {
      const landing = await applySavedLocale();
      // A full load, so the server renders the first page with the new session (and its language).
      window.location.assign(landing);
      return;
    }
    setPending(false);
    setError(signInErrorText(result?.error ?? null, t));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <Field label={t("email")} name="email" type="email" autoComplete="username" required dir="ltr" />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required dir="ltr" />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
