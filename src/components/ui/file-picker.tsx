"use client";

import { useState } from "react";

/**
 * A file field whose button speaks the page's language (the browser's own speaks the browser's): the input
 * is visually hidden under a label that shows the chosen file's name. CSV and Excel by default.
 */
export function FilePicker({
  label,
  chooseLabel,
  noFileLabel,
  onChosen,
  accept = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  className = "block text-sm",
}: {
  label: string;
  chooseLabel: string;
  noFileLabel: string;
  onChosen?: () => void;
  accept?: string;
  className?: string;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <label className={className}>
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <input
        type="file"
        name="file"
        accept={accept}
        className="peer sr-only"
        onChange={(event) => {
          onChosen?.();
          setChosen(event.currentTarget.files?.[0]?.name ?? null);
        }}
      />
      <span className="flex min-h-11 w-full cursor-pointer items-center gap-3 rounded-lg border border-slate-300 bg-white p-1 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600">
        <span className="flex min-h-9 items-center rounded-md bg-slate-100 px-3 font-medium text-slate-800">{chooseLabel}</span>
        <bdi className={chosen ? "text-slate-900" : "text-slate-500"}>{chosen ?? noFileLabel}</bdi>
      </span>
    </label>
  );
}
