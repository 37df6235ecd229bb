"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { requestOrdersExportAction } from "../actions";

/**
 * "Export" on the orders list: the current filter's orders as CSV or Excel, with the columns chosen. With
 * scripts the page reads the download as it streams and says how far it is, then saves it; without them the
 * form is a plain download. Many orders can be prepared in the background instead ("Your exports").
 */
export function ExportMenu({
  storeSlug,
  action,
  filters,
  columns,
  defaults,
}: {
  storeSlug: string;
  action: string;
  filters: Record<string, string>;
  columns: readonly string[];
  defaults: readonly string[];
}) {
  const t = useTranslations("orderExport");
  const format = useFormatter();
  const router = useRouter();
  const [progress, setProgress] = useState<{ rows: number; bytes: number; format: string } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [queueing, startQueue] = useTransition();
  const exportsPage = `/s/${storeSlug}/orders/exports`;

  const queryOf = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const query = new URLSearchParams(filters);
    query.set("format", String(data.get("format") ?? "csv"));
    query.set("columns", data.getAll("columns").join(","));
    return query;
  };

  function prepare(form: HTMLFormElement) {
    const query = Object.fromEntries(queryOf(form));
    startQueue(async () => {
      const result = await requestOrdersExportAction(storeSlug, { query });
      if (!result.ok) return setFailed(result.error.message);
      router.push(`${exportsPage}?id=${result.data.id}`);
    });
  }

  async function download(form: HTMLFormElement) {
    const query = queryOf(form);
    const chosen = query.get("format")!;
    setFailed(null);
    setProgress({ rows: 0, bytes: 0, format: chosen });
    try {
      const response = await fetch(`${action}?${query}`);
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const reader = response.body.getReader();
      const parts: BlobPart[] = [];
      let rows = -1; // the header line
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.byteLength;
        if (chosen === "csv") for (const byte of value) if (byte === 10) rows += 1;
        setProgress({ rows: Math.max(rows, 0), bytes, format: chosen });
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `orders.${chosen}`;
      const url = URL.createObjectURL(new Blob(parts, { type: response.headers.get("content-type") ?? "application/octet-stream" }));
      const link = Object.assign(document.createElement("a"), { href: url, download: name });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(t("failed"));
    }
    setProgress(null);
  }

  return (
    <details className="relative">
      <summary className={buttonClass("secondary", "cursor-pointer list-none")}>{t("export")}</summary>
      <form
        method="get"
        action={action}
        className="absolute end-0 z-20 mt-2 w-[min(22rem,calc(100vw-2rem))] space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-lg"
        onSubmit={(event) => {
          event.preventDefault();
          void download(event.currentTarget);
        }}
      >
        {Object.entries(filters).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("format")}</legend>
          <div className="flex gap-4">
            {(["csv", "xlsx"] as const).map((f) => (
              <label key={f} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" name="format" value={f} defaultChecked={f === "csv"} className="size-5" />
                {t(`formats.${f}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("chooseColumns")}</legend>
          <div className="grid max-h-64 grid-cols-2 gap-x-3 overflow-y-auto">
            {columns.map((c) => (
              <label key={c} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" name="columns" value={c} defaultChecked={defaults.includes(c)} className="size-5 shrink-0" />
                {t(`columns.${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {progress && (
          <p role="status" className="text-sm text-slate-700">
            {progress.format === "csv"
              ? t("progressRows", { n: format.number(progress.rows) })
              : t("progressBytes", { mb: format.number(progress.bytes / 1e6, { maximumFractionDigits: 1 }) })}
          </p>
        )}
        {failed && (
          <p role="alert" className="text-sm text-red-700">
            {failed}
          </p>
        )}
        <Button type="submit" className="w-full" disabled={!!progress || queueing}>
          {t("download")}
        </Button>
        <Button type="button" variant="secondary" className="w-full" disabled={!!progress || queueing} onClick={(event) => prepare(event.currentTarget.form!)}>
          {t("background")}
        </Button>
        <p className="text-xs text-slate-600">{t("backgroundHelp")}</p>
        <Link href={exportsPage} className="flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
          {t("exportsLink")}
        </Link>
      </form>
    </details>
  );
}
