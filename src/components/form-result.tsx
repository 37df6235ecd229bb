"use client";

import { useActionState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/server/actions/action-client";

/**
 * A form posting to a server action that keeps what was typed when the action refuses it (React resets a
 * form after its `action` runs): with scripts, the submit calls the action itself; before they load, the
 * form posts to the same action as a plain form.
 */
export function useActionForm<T>(action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>) {
  const [result, formAction, pending] = useActionState(action, null);
  const [transitioning, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return { result, pending: pending || transitioning, form: { action: formAction, onSubmit, noValidate: true } };
}

/**
 * The refusal of a form's action, said once above the form — unless it is only about fields the form
 * shows, whose problems are said beside each of them (`fieldError`).
 */
export function FormAlert({ result, fields = [] }: { result: ActionResult<unknown> | null; fields?: string[] }) {
  if (!result || result.ok) return null;
  const named = Object.keys(result.error.fields ?? {});
  if (named.length > 0 && named.every((f) => fields.includes(f))) return null;
  return (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
      {result.error.message}
    </p>
  );
}

export const fieldError = (result: ActionResult<unknown> | null, name: string): string | undefined =>
  result && !result.ok ? result.error.fields?.[name] : undefined;
