"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { LIST_COLUMNS, type ListColumn } from "@/server/orders/list-columns";
import type { ActionError } from "@/server/actions/action-client";
import { deleteOrderViewAction, saveOrderViewAction } from "../actions";

/**
 * "Columns" on the orders list: which facts each order shows besides its number. The choice is in the
 * URL (so a view keeps it, and a link shares it); with scripts it applies as it is ticked.
 */
export function ColumnChooser({ base, params, columns }: { base: string; params: Record<string, string>; columns: readonly ListColumn[] }) {
  const t = useTranslations("orders");
  const router = useRouter();
  const [chosen, setChosen] = useState<Set<ListColumn>>(new Set(columns));
  // The menu closes when the hand goes elsewhere on the page, so it never lies over what comes next.
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: PointerEvent) => {
      if (menu.current?.open && !menu.current.contains(event.target as Node)) menu.current.open = false;
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, []);
  const apply = (next: Set<ListColumn>) => {
    setChosen(next);
    const query = new URLSearchParams(params);
    query.set("cols", LIST_COLUMNS.filter((c) => next.has(c)).join(","));
    router.replace(`${base}?${query}`);
  };
  return (
    <details ref={menu} className="relative">
      <summary className={buttonClass("secondary", "cursor-pointer list-none")}>{t("columnsMenu.label")}</summary>
      <fieldset className="absolute end-0 z-20 mt-2 w-[min(16rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-3 shadow-lg">
        <legend className="sr-only">{t("columnsMenu.label")}</legend>
        <label className="flex min-h-11 items-center gap-2 text-sm text-slate-500">
          <input type="checkbox" checked disabled className="size-5 shrink-0" />
          {t("columnsMenu.number")}
        </label>
        {LIST_COLUMNS.map((c) => (
          <label key={c} className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={chosen.has(c)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(c);
                else next.delete(c);
                apply(next);
              }}
              className="size-5 shrink-0 accent-brand-600"
            />
            {t(c === "tags" ? "tagsColumn" : c)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** "Save view": the list as it is now (filters, sort, columns) under a name, one's own or shared with the store. */
export function SaveView({
  storeSlug,
  base,
  query,
  columns,
  canShare,
}: {
  storeSlug: string;
  base: string;
  query: Record<string, string>;
  columns: readonly ListColumn[];
  canShare: boolean;
}) {
  const t = useTranslations("orders.views");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveOrderViewAction(storeSlug, { name, shared, query, columns: [...columns] });
      if (!result.ok) return setError(result.error);
      setError(null);
      setOpen(false);
      setName("");
      const params = new URLSearchParams({ ...query, cols: columns.join(","), view: result.data.id });
      router.push(`${base}?${params}`);
    });
  }

  if (!open)
    return (
      <Button type="button" variant="ghost" onClick={() => setOpen(true)}>
        {t("save")}
      </Button>
    );
  return (
    <form onSubmit={submit} aria-label={t("save")} className="flex flex-wrap items-end gap-2">
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("name")}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} required aria-invalid={!!error?.fields?.name} className={inputClass} />
      </label>
      {canShare && (
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} className="size-5 accent-brand-600" />
          {t("shareWithStore")}
        </label>
      )}
      <Button type="submit" disabled={pending || !name.trim()}>
        {t("saveButton")}
      </Button>
      <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
        {t("cancel")}
      </Button>
      {error && (
        <p role="alert" className="basis-full text-sm text-red-700">
          {error.fields?.name ? `${t("name")} ${error.fields.name}` : error.message}
        </p>
      )}
    </form>
  );
}

/** Deletes the open view (one's own, or a shared one for owners and admins) and goes back to all orders. */
export function DeleteView({ storeSlug, base, view }: { storeSlug: string; base: string; view: { id: string; name: string } }) {
  const t = useTranslations("orders.views");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button
        type="button"
        variant="ghost"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("deleteConfirm", { name: `\u2068${view.name}\u2069` }))) return;
          startTransition(async () => {
            const result = await deleteOrderViewAction(storeSlug, { viewId: view.id });
            if (!result.ok) return setError(result.error.message);
            router.push(base);
          });
        }}
      >
        {t("delete")}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </>
  );
}
