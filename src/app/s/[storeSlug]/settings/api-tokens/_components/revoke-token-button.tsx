"use client";

import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { revokeApiTokenAction } from "../actions";

export function RevokeTokenButton({ storeSlug, tokenId, name }: { storeSlug: string; tokenId: string; name: string }) {
  const t = useTranslations("apiTokens");
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="danger"
      type="button"
      disabled={pending}
      onClick={() => {
        if (!window.confirm(t("revokeConfirm", { name }))) return;
        startTransition(async () => {
          await revokeApiTokenAction(storeSlug, { tokenId });
        });
      }}
    >
      {t("revoke")}
    </Button>
  );
}
