"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { nextSimulatedStatus } from "@/server/shipping/simulator-journey";
import { Button } from "@/components/ui/button";
import { advanceSimulatorAction } from "./label-actions";

/**
 * Demo only: play the carrier. "Next step" moves the parcel at the simulated carrier, which reports it
 * through its signed webhook; the order follows as it would with a real carrier.
 */
export function SimulatorPanel({ storeSlug, shipmentId, status }: { storeSlug: string; shipmentId: string; status: string }) {
  const t = useTranslations("label.simulator");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const next = nextSimulatedStatus(status);
  if (!next) return null;
  const advance = (to?: "returned_to_sender") =>
    startTransition(async () => {
      const result = await advanceSimulatorAction(storeSlug, { shipmentId, ...(to ? { to } : {}) });
      setError(result.ok ? null : result.error.message);
      router.refresh();
    });
  return (
    <div className="w-full rounded-lg border border-dashed border-amber-300 bg-amber-50 p-3 text-sm" data-testid="carrier-simulator">
      <p className="font-medium text-amber-900">{t("title")}</p>
      <p className="mb-2 text-amber-900">{t("help")}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={pending} onClick={() => advance()}>
          {t("next", { step: t(`steps.${next}`) })}
        </Button>
        {status !== "created" && (
          <Button type="button" variant="ghost" disabled={pending} onClick={() => advance("returned_to_sender")}>
            {t("fail")}
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
