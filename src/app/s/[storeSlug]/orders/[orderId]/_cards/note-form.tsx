"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { issueNoteAction } from "../actions";

/** A credit or debit note against the order's invoice: the amount with VAT, and why. */
export function NoteForm({ storeSlug, orderId, digits }: { storeSlug: string; orderId: string; digits: number }) {
  const t = useTranslations("order.invoices");
  const router = useRouter();
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-2 border-t border-slate-200 pt-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const amount = Math.round(Number(String(form.get("amount") ?? "").replace(",", ".")) * 10 ** digits);
        startTransition(async () => {
          const result = await issueNoteAction(storeSlug, {
            orderId,
            kind: form.get("kind") === "debit_note" ? "debit_note" : "credit_note",
            amount: Number.isFinite(amount) ? amount : 0,
            reason: String(form.get("reason") ?? ""),
          });
          setError(result.ok ? null : result.error);
          if (result.ok) (event.target as HTMLFormElement).reset();
          router.refresh();
        });
      }}
    >
      <p className="text-sm font-medium">{t("noteTitle")}</p>
      <div>
        <label htmlFor={`note-kind-${orderId}`} className="mb-1 block text-sm font-medium text-slate-700">
          {t("noteKind")}
        </label>
        <select id={`note-kind-${orderId}`} name="kind" className={inputClass} defaultValue="credit_note">
          <option value="credit_note">{t("kind.credit_note")}</option>
          <option value="debit_note">{t("kind.debit_note")}</option>
        </select>
      </div>
      <Field label={t("noteAmount")} name="amount" id={`note-amount-${orderId}`} inputMode="decimal" required error={error?.fields?.amount} />
      <Field label={t("noteReason")} name="reason" id={`note-reason-${orderId}`} required maxLength={300} error={error?.fields?.reason} />
      {error && !error.fields && (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("issueNote")}
      </Button>
    </form>
  );
}
