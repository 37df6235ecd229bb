"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";

/**
 * Choose a file and read it: the file goes as it is to the upload route, which answers with the preview
 * to open. Too large a file is said before it is sent.
 */
export function UploadForm({ base, maxBytes }: { base: string; maxBytes: number }) {
  const t = useTranslations("catalogImport");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
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
      <FilePicker
        className="block min-w-60 flex-1 text-sm"
        label={t("file")}
        chooseLabel={t("chooseButton")}
        noFileLabel={t("noFile")}
        onChosen={() => setError(null)}
      />
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
