"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { applyCatalogImportAction, discardCatalogImportAction } from "../actions";

/** Apply the preview whole, or drop it. A refusal (the store changed meanwhile, applied already) is said in place. */
export function ImportDecision({ storeSlug, importId, canApply }: { storeSlug: string; importId: string; canApply: boolean }) {
  const t = useTranslations("catalogImport");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: typeof applyCatalogImportAction | typeof discardCatalogImportAction) =>
    startTransition(async () => {
      const result = await action(storeSlug, { importId });
      if (!result.ok) return setError(result.error.message);
      setError(null);
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-3">
      {canApply && (
        <Button type="button" disabled={pending} onClick={() => run(applyCatalogImportAction)}>
          {pending ? t("applying") : t("apply")}
        </Button>
      )}
      <Button type="button" variant="secondary" disabled={pending} onClick={() => run(discardCatalogImportAction)}>
        {t("discard")}
      </Button>
      {error && (
        <p role="alert" className="basis-full text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
