"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { TagDto } from "@/server/tags/manage-tags";
import { TAG_COLORS } from "@/server/tags/schemas";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { deleteTagAction, updateTagAction } from "../actions";

const SWATCH: Record<(typeof TAG_COLORS)[number], string> = {
  slate: "bg-slate-400",
  red: "bg-red-500",
  amber: "bg-amber-500",
  green: "bg-green-600",
  teal: "bg-teal-600",
  sky: "bg-sky-500",
  indigo: "bg-indigo-500",
  pink: "bg-pink-500",
};

export function TagRow({ storeSlug, tag, canEdit }: { storeSlug: string; tag: TagDto; canEdit: boolean }) {
  const t = useTranslations("tagSettings");
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState(tag.color as (typeof TAG_COLORS)[number]);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const save = () =>
    startTransition(async () => {
      const result = await updateTagAction(storeSlug, { tagId: tag.id, name, color });
      setError(result.ok ? null : result.error.fields?.name ? t("nameTaken") : result.error.message);
    });

  return (
    <li className="flex flex-wrap items-center gap-3 p-3">
      <span aria-hidden className={`size-3 rounded-full ${SWATCH[color] ?? SWATCH.slate}`} />
      <input
        aria-label={t("name")}
        value={name}
        onChange={(e) => setName(e.target.value)}
        disabled={!canEdit}
        maxLength={40}
        className={`${inputClass} w-48`}
      />
      <select
        aria-label={t("color")}
        value={color}
        onChange={(e) => setColor(e.target.value as typeof color)}
        disabled={!canEdit}
        className={`${inputClass} w-32`}
      >
        {TAG_COLORS.map((c) => (
          <option key={c} value={c}>
            {t(`colors.${c}`)}
          </option>
        ))}
      </select>
      <span className="text-sm text-slate-600">{t("orders", { count: tag.orders })}</span>
      {canEdit && (
        <span className="ms-auto flex gap-2">
          <Button type="button" variant="secondary" disabled={pending} onClick={save}>
            {t("save")}
          </Button>
          <Button
            type="button"
            variant="danger"
            disabled={pending}
            onClick={() => {
              if (window.confirm(t("confirmDelete", { name: tag.name, count: tag.orders })))
                startTransition(async () => void (await deleteTagAction(storeSlug, { tagId: tag.id })));
            }}
          >
            {t("delete")}
          </Button>
        </span>
      )}
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
