"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { voidLabelAction } from "./label-actions";

/** Void a label before hand-over: the carrier cancels, the wallet is refunded, the order is back in progress. */
export function VoidLabelButton({ storeSlug, shipmentId }: { storeSlug: string; shipmentId: string }) {
  const t = useTranslations("label");
  const tStatus = useTranslations("status");
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
            if (result.ok) setError(result.data.status === "voiding" ? t("voidPending") : null);
            else if (result.error.code === "VOID_NOT_ALLOWED") {
              const reason = String(result.error.details?.reason ?? "carrier_has_parcel") as "order_moved_on";
              const status = String(result.error.details?.orderStatus ?? "shipped") as "shipped";
              setError(t(`voidRefused.${reason}`, { status: tStatus(status) }));
            } else setError(result.error.message);
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
