import { useTranslations } from "next-intl";
import type { LateReason } from "@/server/orders/late-reasons";

/** An order late by the store's rules: "Late", and at which milestone (in its title and, for screen readers, its text). */
export function LateBadge({ late }: { late: LateReason | null }) {
  const t = useTranslations("late");
  if (!late) return null;
  return (
    <span
      className="ms-1 inline-flex items-center rounded-full bg-red-50 px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap text-red-800 ring-1 ring-red-300"
      title={t(`reasons.${late}`)}
      data-testid="badge-late"
      data-reason={late}
    >
      {t("badge")}
      <span className="sr-only">{`: ${t(`reasons.${late}`)}`}</span>
    </span>
  );
}
