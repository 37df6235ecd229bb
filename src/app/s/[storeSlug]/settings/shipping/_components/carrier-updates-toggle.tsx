"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { saveShippingPreferencesAction } from "../actions";
import { FieldError } from "./form-bits";

/**
 * A shipping preference saved as soon as it is switched: "let carriers update order status" (updates), or
 * "refuse a label when the national address is incomplete" (address).
 */
export function CarrierUpdatesToggle({
  storeSlug,
  enabled,
  canEdit,
  preference = "carriersUpdateStatus",
}: {
  storeSlug: string;
  enabled: boolean;
  canEdit: boolean;
  preference?: "carriersUpdateStatus" | "refuseIncompleteAddress" | "requireScanToPack";
}) {
  const t = useTranslations(
    preference === "carriersUpdateStatus"
      ? "shippingSettings.updates"
      : preference === "requireScanToPack"
        ? "shippingSettings.packing"
        : "shippingSettings.nationalAddress",
  );
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
              const result = await saveShippingPreferencesAction(storeSlug, { [preference]: next });
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
