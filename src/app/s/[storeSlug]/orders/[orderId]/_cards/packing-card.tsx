import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Typed } from "@/components/bidi";
import type { CardProps } from "./card-props";

/** The order as packed at the packing station: who, when, units scanned, box, weight and the parcel's photo. */
export async function PackingCard({ review, storeSlug, timeZone }: CardProps) {
  const packing = review.packing;
  const inProgress = review.order.status === "in_progress";
  if (!packing && !inProgress) return null;
  const [t, format] = await Promise.all([getTranslations("pack"), getFormatter()]);
  return (
    <Card title={t("cardTitle")}>
      <div className="space-y-2 text-sm" data-testid="packing-card">
        {packing ? (
          <>
            <p>
              {t.rich("packedBy", {
                name: () => <Typed>{packing.by ?? "—"}</Typed>,
                at: format.dateTime(new Date(packing.at), { dateStyle: "medium", timeStyle: "short", timeZone }),
              })}
            </p>
            <p className={packing.scannedUnits < packing.totalUnits ? "font-medium text-amber-800" : "text-slate-700"}>
              {t("scannedOf", { scanned: packing.scannedUnits, total: packing.totalUnits, refused: packing.refusedScans })}
            </p>
            {(packing.weightGrams || packing.lengthMm) && (
              <p className="text-slate-700">
                {t("parcel", {
                  weight: packing.weightGrams ? format.number(packing.weightGrams / 1000, { maximumFractionDigits: 2 }) : "—",
                  size: packing.lengthMm ? `${packing.lengthMm / 10}×${packing.widthMm! / 10}×${packing.heightMm! / 10}` : "—",
                })}
              </p>
            )}
            {packing.photo && (
              <a href={`/s/${storeSlug}/pack-photos/${packing.id}`} target="_blank" rel="noopener" className="block w-40">
                {/* eslint-disable-next-line @next/next/no-img-element -- a private photo behind the member's session, not an optimizable asset */}
                <img
                  src={`/s/${storeSlug}/pack-photos/${packing.id}`}
                  alt={t("photoAlt")}
                  className="h-28 w-40 rounded-lg border border-slate-200 object-cover"
                />
              </a>
            )}
          </>
        ) : (
          <p className="text-slate-600">{t("notPacked")}</p>
        )}
        {inProgress && (
          <Link
            href={`/s/${storeSlug}/pack?order=${review.order.id}`}
            className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-3 font-medium text-brand-700 hover:bg-slate-50"
          >
            {t("openStation")}
          </Link>
        )}
      </div>
    </Card>
  );
}
