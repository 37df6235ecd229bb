"use client";

import type { ActionResult } from "@/server/actions/action-client";
import { Field } from "@/components/ui/field";
import { fieldError } from "@/components/form-result";

/** A new password and the same again, each with its own problem beside it (sign-up, setting a new password). */
export function NewPasswordFields({ result, labels }: { result: ActionResult<unknown> | null; labels: { password: string; again: string } }) {
  return (
    <>
      <Field label={labels.password} name="password" type="password" autoComplete="new-password" required dir="ltr" error={fieldError(result, "password")} />
      <Field
        label={labels.again}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        dir="ltr"
        error={fieldError(result, "confirmPassword")}
      />
    </>
  );
}
