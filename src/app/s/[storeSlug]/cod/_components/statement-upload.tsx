"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { CarrierId } from "@/server/shipping/carriers";
import type { StatementProblem } from "@/server/cod/statement-columns";

type Failure = { message: string; fields?: Record<string, string>; problems?: StatementProblem[] };

/**
 * A carrier's statement file, sent as it is with the carrier, and the statement's number and total when the
 * file does not say them. Recorded and matched at once, or refused with each problem and its row.
 */
export function StatementUpload({ base, maxBytes, carriers }: { base: string; maxBytes: number; carriers: CarrierId[] }) {
  const t = useTranslations("cod");
  const tCarrier = useTranslations("carrierName");
  const router = useRouter();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const mb = Math.round(maxBytes / 1024 / 1024);
  const id = useId();
  return (
    <form
      className="space-y-3"
      aria-label={t("uploadTitle")}
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const file = (form.get("file") as File | null) ?? null;
        if (!file || !file.size) return setFailure({ message: t("chooseFile") });
        if (file.size > maxBytes) return setFailure({ message: t("tooLarge", { mb }) });
        setFailure(null);
        setPending(true);
        const query = new URLSearchParams({
          name: file.name,
          carrier: String(form.get("carrier")),
          reference: String(form.get("reference") ?? ""),
          total: String(form.get("total") ?? ""),
        });
        try {
          const response = await fetch(`${base}/statements?${query}`, {
            method: "POST",
            headers: { "Content-Type": file.type || "application/octet-stream", "X-Tajer-Upload": "1" },
            body: file,
          });
          const body = (await response.json().catch(() => null)) as { id?: string; duplicate?: boolean; error?: Failure } | null;
          setPending(false);
          if (!response.ok || !body?.id) return setFailure(body?.error ?? { message: t("uploadFailed") });
          router.push(`${base}?statement=${body.id}&recorded=${body.duplicate ? "again" : "new"}#lines`);
        } catch {
          setPending(false);
          setFailure({ message: t("uploadFailed") });
        }
      }}
    >
      <h3 className="font-medium">{t("uploadTitle")}</h3>
      <p className="text-sm text-slate-600">{t("uploadHelp", { mb })}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="text-sm">
          <label htmlFor={`${id}-carrier`} className="mb-1 block font-medium text-slate-700">
            {t("carrier")}
          </label>
          <select id={`${id}-carrier`} name="carrier" className={inputClass} defaultValue={carriers[0]}>
            {carriers.map((c) => (
              <option key={c} value={c}>
                {tCarrier(c)}
              </option>
            ))}
          </select>
        </div>
        {/* The browser's own file button speaks the browser's language: this one speaks the page's. */}
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("file")}</span>
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="peer sr-only"
            onChange={(event) => {
              setFailure(null);
              setChosen(event.currentTarget.files?.[0]?.name ?? null);
            }}
          />
          <span className="flex min-h-11 w-full cursor-pointer items-center gap-3 rounded-lg border border-slate-300 bg-white p-1 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600">
            <span className="flex min-h-9 items-center rounded-md bg-slate-100 px-3 font-medium text-slate-800">{t("chooseButton")}</span>
            <bdi className={chosen ? "text-slate-900" : "text-slate-500"}>{chosen ?? t("noFile")}</bdi>
          </span>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("reference")}</span>
          <input name="reference" maxLength={100} className={inputClass} dir="ltr" aria-describedby="reference-help" />
          <span id="reference-help" className="mt-1 block text-xs text-slate-600">
            {t("referenceHelp")}
          </span>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("statedTotal")}</span>
          <input
            name="total"
            inputMode="decimal"
            maxLength={20}
            className={inputClass}
            dir="ltr"
            aria-invalid={!!failure?.fields?.statedTotal}
            aria-describedby="total-help"
          />
          <span id="total-help" className="mt-1 block text-xs text-slate-600">
            {t("statedTotalHelp")}
          </span>
        </label>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("uploading") : t("upload")}
      </Button>
      {failure && (
        <div role="alert" className="space-y-1 text-sm text-red-700" data-testid="cod-upload-error">
          <p>{failure.fields?.statedTotal ? `${t("statedTotal")}: ${failure.fields.statedTotal}` : failure.message}</p>
          {failure.problems && (
            <ul className="list-disc ps-5">
              {failure.problems.map((p, i) => (
                <li key={i}>{t("problemAt", { row: p.row, problem: t(`problem.${p.rule}`, { column: "", value: "", max: 0, n: 0, ...p.params }) })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
