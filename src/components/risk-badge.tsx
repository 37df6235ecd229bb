import { useTranslations } from "next-intl";

type Risk = { score: number; band: "low" | "medium" | "high"; reasons: { factor: string; points: number }[] } | null;

const STYLE = { medium: "bg-amber-50 text-amber-900 ring-amber-300", high: "bg-red-50 text-red-800 ring-red-300" } as const;

/**
 * A COD order's customer risk when it was placed, medium or high only, with its reasons: in the badge's
 * title and, for screen readers, in its text; `detailed` writes them out beside it (the order page).
 */
export function RiskBadge({ risk, detailed = false }: { risk: Risk; detailed?: boolean }) {
  const t = useTranslations("customerRisk");
  if (!risk || risk.band === "low") return null;
  const name = (factor: string) => (t.has(`factors.${factor}`) ? t(`factors.${factor}` as "factors.codBurst") : factor);
  const reasons = risk.reasons.map((r) => name(r.factor)).join(t("listSeparator"));
  return (
    <>
      <span
        className={`ms-1 inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ${STYLE[risk.band]}`}
        title={reasons}
        data-testid="badge-risk"
        data-band={risk.band}
      >
        {t("badge", { band: risk.band, score: risk.score })}
        {!detailed && reasons && <span className="sr-only">{`: ${reasons}`}</span>}
      </span>
      {detailed && reasons && <span className="text-sm text-slate-700">{t("because", { reasons })}</span>}
    </>
  );
}
