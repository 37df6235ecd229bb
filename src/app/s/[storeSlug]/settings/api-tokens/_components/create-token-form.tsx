"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { createApiTokenAction } from "../actions";

export function CreateTokenForm({ storeSlug }: { storeSlug: string }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> } | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await createApiTokenAction(storeSlug, { name: String(data.get("name") ?? ""), role: data.get("role") as "ADMIN" | "STAFF" });
      if (result.ok) {
        setCreated(result.data.token);
        setCopied(false);
        setError(null);
        form.reset();
      } else {
        setError({ message: t.has(`errors.${result.error.code}`) ? t(`errors.${result.error.code}`) : t("errors.generic"), fields: result.error.fields });
      }
    });
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end" noValidate>
        <Field label={t("apiTokens.name")} name="name" required maxLength={60} error={error?.fields?.name} />
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("apiTokens.role")}</span>
          <select name="role" defaultValue="STAFF" className={inputClass}>
            <option value="STAFF">{t("apiTokens.roles.STAFF")}</option>
            <option value="ADMIN">{t("apiTokens.roles.ADMIN")}</option>
          </select>
        </label>
        <Button type="submit" disabled={pending}>
          {pending ? t("apiTokens.creating") : t("apiTokens.create")}
        </Button>
      </form>
      {error && !error.fields && (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      )}
      {created && (
        <div role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-3">
          <p className="text-sm text-emerald-900">{t("apiTokens.created")}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code dir="ltr" className="rounded bg-white px-2 py-1 font-mono text-sm break-all" data-testid="new-token">
              {created}
            </code>
            <Button
              variant="secondary"
              type="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(created);
                setCopied(true);
              }}
            >
              {copied ? t("apiTokens.copied") : t("apiTokens.copy")}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
