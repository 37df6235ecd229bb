"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * Choose a file and read it: the file goes as it is to the upload route, which answers with the preview
 * to open. Too large a file is said before it is sent.
 */
export function UploadForm({ base, maxBytes }: { base: string; maxBytes: number }) {
  const t = useTranslations("catalogImport");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const mb = Math.round(maxBytes / 1024 / 1024);
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const file = (new FormData(event.currentTarget).get("file") as File | null) ?? null;
        if (!file || !file.size) return setError(t("chooseFile"));
        if (file.size > maxBytes) return setError(t("tooLarge", { mb }));
        setError(null);
        setPending(true);
        try {
          const response = await fetch(`${base}/import/upload?${new URLSearchParams({ name: file.name })}`, {
            method: "POST",
            headers: { "Content-Type": file.type || "application/octet-stream", "X-Tajer-Upload": "1" },
            body: file,
          });
          const body = (await response.json().catch(() => null)) as { id?: string; error?: { message: string } } | null;
          if (!response.ok || !body?.id) {
            setError(body?.error?.message ?? t("uploadFailed"));
            setPending(false);
            return;
          }
          router.push(`${base}/import/${body.id}`);
        } catch {
          setError(t("uploadFailed"));
          setPending(false);
        }
      }}
    >
      {/* The browser's own file button speaks the browser's language: this one speaks the page's. */}
      <label className="block min-w-60 flex-1 text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("file")}</span>
        <input
          type="file"
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="peer sr-only"
          onChange={(event) => {
            setError(null);
            setChosen(event.currentTarget.files?.[0]?.name ?? null);
          }}
        />
        <span className="flex min-h-11 w-full cursor-pointer items-center gap-3 rounded-lg border border-slate-300 bg-white p-1 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600">
          <span className="flex min-h-9 items-center rounded-md bg-slate-100 px-3 font-medium text-slate-800">{t("chooseButton")}</span>
          <bdi className={chosen ? "text-slate-900" : "text-slate-500"}>{chosen ?? t("noFile")}</bdi>
        </span>
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? t("reading") : t("read")}
      </Button>
      {error && (
        <p role="alert" className="basis-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
