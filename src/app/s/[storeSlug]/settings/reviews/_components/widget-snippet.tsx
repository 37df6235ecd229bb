"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The reviews component for the store's home page: a script (or an iframe) to paste, and a live preview. */
export function WidgetSnippet({ origin, storeSlug }: { origin: string; storeSlug: string }) {
  const t = useTranslations("reviewSettings.widget");
  const [copied, setCopied] = useState<string | null>(null);
  const snippets = {
    script: `<script src="${origin}/widget/reviews.js" data-store="${storeSlug}" async></script>`,
    iframe: `<iframe src="${origin}/widget/stores/${storeSlug}/reviews" title="Reviews" loading="lazy" style="width:100%;height:460px;border:0"></iframe>`,
  };
  return (
    <section aria-label={t("title")} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-600">{t("help")}</p>
      {(["script", "iframe"] as const).map((kind) => (
        <div key={kind} className="space-y-1">
          <p className="text-sm font-medium">{t(kind)}</p>
          <pre
            dir="ltr"
            tabIndex={0}
            aria-label={t(kind)}
            data-testid={`widget-${kind}`}
            className="overflow-x-auto rounded-lg focus-visible:outline-2 focus-visible:outline-brand-600 bg-slate-900 p-3 text-xs text-slate-100"
          >
            {snippets[kind]}
          </pre>
          <Button
            type="button"
            variant="secondary"
            onClick={async () => {
              await navigator.clipboard.writeText(snippets[kind]);
              setCopied(kind);
            }}
          >
            {copied === kind ? t("copied") : t("copy")}
          </Button>
        </div>
      ))}
      <p className="text-sm font-medium">{t("preview")}</p>
      <iframe src={`/widget/stores/${storeSlug}/reviews`} title={t("preview")} className="h-[460px] w-full rounded-lg border border-slate-200" />
    </section>
  );
}
