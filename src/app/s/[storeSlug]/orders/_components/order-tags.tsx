"use client";

import { useState, useTransition } from "react";
import { splitTags } from "@/server/tags/split-tags";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { addOrderTags, removeOrderTag } from "./tag-actions";

export function OrderTags({
  storeSlug,
  orderId,
  tags,
  known,
  canEdit,
}: {
  storeSlug: string;
  orderId: string;
  tags: string[];
  known: string[];
  canEdit: boolean;
}) {
  const t = useTranslations("tags");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);

  const run = (action: () => Promise<{ ok: boolean; error?: { message: string } }>) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : (result.error?.message ?? null));
      if (result.ok) setValue("");
      router.refresh();
    });

  return (
    <div className="space-y-3">
      {tags.length ? (
        <ul className="flex flex-wrap gap-2" aria-label={t("current")}>
          {tags.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-1 rounded-full bg-slate-100 ps-3 text-sm">
              {tag}
              {canEdit && (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => run(() => removeOrderTag(storeSlug, { orderIds: [orderId], tag }))}
                  aria-label={t("remove", { tag })}
                  className="flex size-9 items-center justify-center rounded-full text-slate-500 hover:bg-slate-200 hover:text-slate-900"
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("none")}</p>
      )}
      {canEdit && (
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const typed = splitTags(value);
            if (typed.length) run(() => addOrderTags(storeSlug, { orderIds: [orderId], tags: typed }));
          }}
        >
          <input
            aria-label={t("add")}
            placeholder={t("addPlaceholder")}
            list={`known-tags-${orderId}`}
            value={value}
            maxLength={400}
            onChange={(e) => setValue(e.target.value)}
            className={inputClass}
          />
          <datalist id={`known-tags-${orderId}`}>
            {known
              .filter((k) => !tags.includes(k))
              .map((k) => (
                <option key={k} value={k} />
              ))}
          </datalist>
          <Button type="submit" variant="secondary" disabled={pending || !value.trim()}>
            {t("addButton")}
          </Button>
        </form>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
