"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { reverseStatementAction, settleCollectionAction, settleLineAction } from "../actions";

const ACTIONS = { settleCollection: settleCollectionAction, settleLine: settleLineAction, reverseStatement: reverseStatementAction };

/** A step that needs a person's note (settle a difference, reverse a statement): the button opens the note, then does it. */
export function NoteAction({
  storeSlug,
  action,
  id,
  label,
  confirm,
  noteLabel,
  danger = false,
}: {
  storeSlug: string;
  action: keyof typeof ACTIONS;
  id: string;
  label: string;
  confirm: string;
  noteLabel: string;
  danger?: boolean;
}) {
  const t = useTranslations("cod");
  const router = useRouter();
  const field = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!open)
    return (
      <Button type="button" variant={danger ? "danger" : "secondary"} onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  return (
    <form
      className="w-full max-w-sm space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await ACTIONS[action](storeSlug, { id, note });
          if (result.ok) {
            setOpen(false);
            setError(null);
            router.refresh();
          } else setError(result.error.fields?.note ? t("noteRequired") : result.error.message);
        });
      }}
    >
      <label htmlFor={field} className="block text-sm font-medium text-slate-700">
        {noteLabel}
      </label>
      <textarea
        id={field}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        rows={2}
        maxLength={500}
        required
        className={`${inputClass} py-2`}
        aria-invalid={!!error}
      />
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
          {confirm}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
