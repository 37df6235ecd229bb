"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { voidLabelAction } from "./label-actions";

/** Void a label before hand-over: the carrier cancels, the wallet is refunded, the order is back in progress. */
export function VoidLabelButton({ storeSlug, shipmentId }: { storeSlug: string; shipmentId: string }) {
  const t = useTranslations("label");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button
        type="button"
        variant="danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("voidConfirm"))) return;
          startTransition(async () => {
            const result = await voidLabelAction(storeSlug, { shipmentId });
            setError(result.ok ? null : result.error.message);
            router.refresh();
          });
        }}
      >
        {t("void")}
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </>
  );
}
