"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FilePicker } from "@/components/ui/file-picker";
import { CarrierSelect } from "@/components/carrier-select";
import type { CarrierId } from "@/server/shipping/carriers";
import type { StatementProblem } from "@/server/cod/statement-columns";

type Failure = { message: string; fields?: Record<string, string>; problems?: StatementProblem[] };

/**
 * A carrier's statement file, sent as it is with the carrier, and the statement's number and total when the
 * file does not say them. Recorded and matched at once, or refused with each problem and its row.
 */
export function StatementUpload({ base, maxBytes, carriers }: { base: string; maxBytes: number; carriers: CarrierId[] }) {
  const t = useTranslations("cod");
  const router = useRouter();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, setPending] = useState(false);
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
        <CarrierSelect label={t("carrier")} carriers={carriers} name="carrier" defaultValue={carriers[0]} />
        <FilePicker label={t("file")} chooseLabel={t("chooseButton")} noFileLabel={t("noFile")} onChosen={() => setFailure(null)} />
        <TextWithHelp id={`${id}-reference`} name="reference" label={t("reference")} help={t("referenceHelp")} maxLength={100} />
        <TextWithHelp
          id={`${id}-total`}
          name="total"
          label={t("statedTotal")}
          help={t("statedTotalHelp")}
          maxLength={20}
          inputMode="decimal"
          invalid={!!failure?.fields?.statedTotal}
        />
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

/** A one-line text field with a sentence of help under it: the help describes the field, the label alone names it. */
function TextWithHelp({
  id,
  name,
  label,
  help,
  maxLength,
  inputMode,
  invalid = false,
}: {
  id: string;
  name: string;
  label: string;
  help: string;
  maxLength: number;
  inputMode?: "decimal";
  invalid?: boolean;
}) {
  return (
    <div className="text-sm">
      <label htmlFor={id} className="mb-1 block font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        maxLength={maxLength}
        inputMode={inputMode}
        className={inputClass}
        dir="ltr"
        aria-invalid={invalid}
        aria-describedby={`${id}-help`}
      />
      <p id={`${id}-help`} className="mt-1 text-xs text-slate-600">
        {help}
      </p>
    </div>
  );
}
