"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { setAdminsMayTopUpAction } from "../actions";

/** The owner's switch: may admins top up the wallet too? */
export function AdminsTopUpToggle({ storeSlug, enabled }: { storeSlug: string; enabled: boolean }) {
  const t = useTranslations("wallet");
  const router = useRouter();
  const [on, setOn] = useState(enabled);
  const [pending, startTransition] = useTransition();
  return (
    <label className="mt-3 flex min-h-11 items-center gap-3 text-sm">
      <input
        type="checkbox"
        checked={on}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.checked;
          setOn(next);
          startTransition(async () => {
            const result = await setAdminsMayTopUpAction(storeSlug, { adminsMayTopUp: next });
            if (!result.ok) setOn(!next);
            router.refresh();
          });
        }}
        className="size-5 accent-brand-600"
      />
      {t("adminsMayTopUp")}
    </label>
  );
}
