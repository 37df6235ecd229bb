import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Ltr, Typed } from "@/components/bidi";
import { Money } from "@/components/money";
import { Card } from "@/components/ui/card";
import { VoidLabelButton } from "../../_components/void-label-button";
import { SimulatorPanel } from "../../_components/simulator-panel";
import type { CardProps } from "./card-props";
import { Row } from "./row";

/** Where it goes, from which branch, with which carrier; each label's print, tracking, void and hand-over. */
export async function ShippingCard({ review, model, storeSlug, timeZone }: CardProps) {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const { order } = review;
  const time = (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit", timeZone });
  const buttonClass = "inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-50";
  return (
    <Card title={t("order.shipping")}>
      <p className="font-medium">
        <Typed>{order.shipping.name}</Typed>
      </p>
      <p className="text-sm text-slate-600">
        <Ltr className="tabular">{order.shipping.phone}</Ltr>
      </p>
      <address className="mt-2 text-sm not-italic text-slate-700">
        {order.shipping.address}
        <br />
        {[order.shipping.district, order.shipping.city, order.shipping.postalCode].filter(Boolean).join(locale === "ar" ? "، " : ", ")}
      </address>
      <NationalAddress address={order.shipping.nationalAddress} />
      <dl className="mt-2 divide-y divide-slate-100">
        <Row label={t("order.shippingMethod")}>{order.shipping.method}</Row>
        <Row label={t("order.shippingFee")}>
          <Money amount={order.shipping.fee} currency={order.totals.currency} />
        </Row>
        <Row label={t("order.shipFrom")}>{review.shipFrom ? review.shipFrom.name : t("order.noBranch")}</Row>
        {model.shipments.map((sh) => (
          <Row key={sh.id} label={t("order.courier")}>
            <Typed>{sh.courierName}</Typed>
            {(sh.status === "pending" || sh.status === "voiding") && (
              <span className="ms-2 text-xs text-amber-800">{t(`label.shipmentStatuses.${sh.status}`)}</span>
            )}
            {sh.trackingNumber && (
              <>
                {" · "}
                <Ltr className="font-mono text-xs text-slate-600">{sh.trackingNumber}</Ltr>
              </>
            )}
          </Row>
        ))}
      </dl>
      {model.shipments
        .filter((sh) => sh.withCarrier)
        .map((sh) => (
          <div key={sh.id} className="mt-2 flex flex-wrap gap-2">
            <a href={`/s/${storeSlug}/labels?ids=${sh.id}`} target="_blank" rel="noopener" className={buttonClass}>
              {t("label.print")}
            </a>
            {sh.trackingUrl && (
              <a href={sh.trackingUrl} target="_blank" rel="noopener noreferrer" className={buttonClass}>
                {t("label.track")}
              </a>
            )}
            {sh.voidable && model.may.update && <VoidLabelButton storeSlug={storeSlug} shipmentId={sh.id} />}
            <p className="w-full text-sm" data-testid="shipment-status">
              {t("label.shipmentStatus", { status: t(`label.shipmentStatuses.${sh.status}`) })}
            </p>
            {sh.handover && (
              <p className="w-full text-xs text-slate-600" data-testid="handover-instructions">
                {sh.handover.kind === "dropoff"
                  ? t("label.dropAt", { carrier: sh.courierName })
                  : sh.handover.window
                    ? t("label.pickupWindow", {
                        carrier: sh.courierName,
                        branch: sh.pickupBranch ?? "",
                        day: format.dateTime(new Date(sh.handover.window.from), { weekday: "short", day: "numeric", month: "short", timeZone }),
                        from: time(sh.handover.window.from),
                        to: time(sh.handover.window.to),
                      })
                    : t("label.pickupBy", { carrier: sh.courierName })}
              </p>
            )}
            {sh.simulator && <SimulatorPanel storeSlug={storeSlug} shipmentId={sh.id} status={sh.status} />}
          </div>
        ))}
      {model.shipments.some((sh) => !sh.carrier) && <p className="mt-2 text-xs text-slate-500">{t("order.manualNoTracking")}</p>}
    </Card>
  );
}

/** The national address's parts, and whether it is complete (a carrier may need it before a label). */
async function NationalAddress({ address }: { address: CardProps["review"]["order"]["shipping"]["nationalAddress"] }) {
  const t = await getTranslations("order.nationalAddress");
  const parts = [
    address.shortAddress && t("short", { value: `\u2068${address.shortAddress}\u2069` }),
    address.buildingNumber && t("building", { value: `\u2068${address.buildingNumber}\u2069` }),
    address.additionalNumber && t("additional", { value: `\u2068${address.additionalNumber}\u2069` }),
  ].filter(Boolean);
  const complete = address.missing.length === 0;
  return (
    <div className="mt-2 text-sm" data-testid="national-address">
      {parts.length > 0 && <p className="text-slate-700">{parts.join(" · ")}</p>}
      <p className={complete ? "text-green-800" : "text-amber-800"}>
        {complete ? t("complete") : t("incomplete", { missing: address.missing.map((m) => t(`parts.${m}`)).join(t("separator")) })}
      </p>
    </div>
  );
}
