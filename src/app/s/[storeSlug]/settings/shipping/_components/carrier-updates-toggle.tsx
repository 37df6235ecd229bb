"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { saveShippingPreferencesAction } from "../actions";
import { FieldError } from "./form-bits";

/** "Let carriers update order status": saved as soon as it is switched. */
export function CarrierUpdatesToggle({ storeSlug, enabled, canEdit }: { storeSlug: string; enabled: boolean; canEdit: boolean }) {
  const t = useTranslations("shippingSettings.updates");
  const [on, setOn] = useState(enabled);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <label className="flex min-h-11 items-start gap-3">
        <input
          type="checkbox"
          checked={on}
          disabled={!canEdit || pending}
          onChange={(e) => {
            const next = e.target.checked;
            setOn(next);
            startTransition(async () => {
              const result = await saveShippingPreferencesAction(storeSlug, { carriersUpdateStatus: next });
              if (!result.ok) {
                setOn(!next);
                setError(result.error.message);
              } else setError(undefined);
            });
          }}
          className="mt-0.5 size-5 accent-brand-600"
        />
        <span>
          <span className="block font-medium">{t("label")}</span>
          <span className="block text-sm text-slate-600">{t("help")}</span>
        </span>
      </label>
      <FieldError message={error} />
    </div>
  );
}
