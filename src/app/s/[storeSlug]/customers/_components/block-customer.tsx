"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { blockCustomerAction, unblockCustomerAction } from "../actions";

export function BlockCustomer({ storeSlug, customerId, blocked }: { storeSlug: string; customerId: string; blocked: boolean }) {
  const t = useTranslations("customers");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (blocked) {
    return (
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            await unblockCustomerAction(storeSlug, { customerId });
            router.refresh();
          })
        }
      >
        {t("unblock")}
      </Button>
    );
  }
  if (!open) {
    return (
      <Button type="button" variant="danger" onClick={() => setOpen(true)}>
        {t("block")}
      </Button>
    );
  }
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await blockCustomerAction(storeSlug, { customerId, reason });
          if (result.ok) {
            setOpen(false);
            setError(null);
            router.refresh();
          } else setError(result.error.fields?.reason ? t("reasonRequired") : result.error.message);
        });
      }}
    >
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("reason")}</span>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={300} className={`${inputClass} py-2`} aria-invalid={!!error} />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {t("confirmBlock")}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
