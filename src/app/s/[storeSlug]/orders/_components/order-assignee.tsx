"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { assignOrderAction } from "./team-actions";

export function OrderAssignee({
  storeSlug,
  orderId,
  assigneeId,
  members,
  me,
  canEdit,
}: {
  storeSlug: string;
  orderId: string;
  assigneeId: string | null;
  members: { id: string; name: string }[];
  me: string;
  canEdit: boolean;
}) {
  const t = useTranslations("assignee");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const assign = (userId: string | null) =>
    startTransition(async () => {
      await assignOrderAction(storeSlug, { orderId, userId });
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <select
        aria-label={t("label")}
        value={assigneeId ?? ""}
        disabled={!canEdit || pending}
        onChange={(e) => assign(e.target.value || null)}
        className={`${inputClass} w-auto flex-1`}
      >
        <option value="">{t("nobody")}</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      {canEdit && assigneeId !== me && (
        <Button type="button" variant="secondary" disabled={pending} onClick={() => assign(me)}>
          {t("me")}
        </Button>
      )}
    </div>
  );
}
