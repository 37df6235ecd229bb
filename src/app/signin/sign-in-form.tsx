"use client";

import { useActionState, useEffect, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { signInAction } from "./actions";

const noSubscription = () => () => {};

/**
 * One request signs in (the server action), and the browser then loads the first store's orders in full,
 * so the server draws it with the new session and its language. Posted before the page's scripts run, the
 * same action answers with a redirect: the password never goes into a URL.
 */
export function SignInForm({ next, email: presetEmail = "" }: { next?: string; email?: string }) {
  const t = useTranslations("signIn");
  const [result, formAction, pending] = useActionState(signInAction, null);
  // Kept across a refused try (the form resets after each; the password is typed again).
  const [email, setEmail] = useState(presetEmail);
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const landing = result?.ok ? result.data.landing : null;
  useEffect(() => {
    if (landing) window.location.assign(landing);
  }, [landing]);

  return (
    <form action={formAction} className="space-y-4 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      {result && !result.ok && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {result.error.message}
        </p>
      )}
      <input type="hidden" name="enhanced" value={scripted ? "1" : ""} />
      {next && <input type="hidden" name="next" value={next} />}
      <Field label={t("email")} name="email" type="email" autoComplete="username" required dir="ltr" value={email} onChange={(e) => setEmail(e.target.value)} />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required dir="ltr" />
      <Button type="submit" className="w-full" disabled={pending || !!landing}>
        {pending || landing ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
