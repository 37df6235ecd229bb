"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { changePasswordAction } from "./actions";

type Fields = Partial<Record<"currentPassword" | "newPassword" | "confirmPassword", string>>;

// The server names each field's rule in words; the form says it in the reader's language.
export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [errors, setErrors] = useState<Fields>({});
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: HTMLFormElement) {
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    setPending(true);
    setMessage(null);
    const result = await changePasswordAction({ currentPassword: data.currentPassword, newPassword: data.newPassword, confirmPassword: data.confirmPassword });
    setPending(false);
    if (result.ok) {
      form.reset();
      setErrors({});
      setMessage({ kind: "ok", text: t("changed", { count: result.data.signedOutElsewhere }) });
    } else {
      const fields = (result.error.fields ?? {}) as Fields;
      setErrors(fields);
      // A field's own message says it; the form's message is for anything else (a lost session).
      const text =
        result.error.code === "RATE_LIMITED"
          ? result.error.details?.reason === "slow_down"
            ? t("errors.slowDown", { seconds: Number(result.error.details.retryAfterSeconds) || 1 })
            : t("errors.protected")
          : result.error.message;
      setMessage(Object.keys(fields).length ? null : { kind: "error", text });
    }
  }

  // The server says each field's problem in the reader's language.
  const error = (name: keyof Fields) => errors[name];
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
    >
      <Field label={t("currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={error("currentPassword")} />
      <Field label={t("newPassword")} name="newPassword" type="password" autoComplete="new-password" required minLength={10} error={error("newPassword")} />
      <Field label={t("confirmPassword")} name="confirmPassword" type="password" autoComplete="new-password" required error={error("confirmPassword")} />
      <p className="text-sm text-slate-600">{t("hint")}</p>
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-sm text-red-700" : "text-sm text-green-700"}>
          {message.text}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
