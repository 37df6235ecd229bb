"use client";

import type { ActionResult } from "@/server/actions/action-client";

/** The refusal of a form's action, said once above the form; each field's own problem goes beside the field (`fieldError`). */
export function FormAlert({ result }: { result: ActionResult<unknown> | null }) {
  if (!result || result.ok) return null;
  return (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
      {result.error.message}
    </p>
  );
}

export const fieldError = (result: ActionResult<unknown> | null, name: string): string | undefined =>
  result && !result.ok ? result.error.fields?.[name] : undefined;
