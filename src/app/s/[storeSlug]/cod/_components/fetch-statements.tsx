"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CarrierSelect } from "@/components/carrier-select";
import type { CarrierId } from "@/server/shipping/carriers";
import { fetchStatementsAction } from "../actions";

/** Asks a carrier for its statements of this store's cash; each new one is recorded and matched, the known ones said. */
export function FetchStatements({ storeSlug, base, carriers }: { storeSlug: string; base: string; carriers: CarrierId[] }) {
  const t = useTranslations("cod");
  const router = useRouter();
  const [carrier, setCarrier] = useState<CarrierId>(carriers[0]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      aria-label={t("fetchTitle")}
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await fetchStatementsAction(storeSlug, { carrier });
          if (!result.ok) return setMessage({ ok: false, text: result.error.message });
          const { recorded, already, mismatches, latest } = result.data;
          setMessage({ ok: true, text: recorded || already ? t("fetched", { recorded, already, mismatches }) : t("fetchedNone") });
          if (latest) router.push(`${base}?statement=${latest}&recorded=new#lines`);
          else router.refresh();
        });
      }}
    >
      <h3 className="basis-full font-medium">{t("fetchTitle")}</h3>
      <CarrierSelect label={t("fetchFrom")} carriers={carriers} value={carrier} onChange={setCarrier} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("fetching") : t("fetch")}
      </Button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`basis-full text-sm ${message.ok ? "text-emerald-800" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}
