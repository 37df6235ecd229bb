import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { IssueLabelForm } from "../../_components/issue-label-form";
import type { CardProps } from "./card-props";
import { CARRIERS, isCarrierId } from "@/server/shipping/carriers";
import { getShippingPreferences } from "@/server/shipping/shipping-preferences";

/** Buying the label (stage 4), or the label already waiting for its carrier's answer. */
export async function LabelCard({ review, model, storeSlug, ctx }: CardProps & { ctx: { storeId: string } }) {
  // The form shows only for an order in progress, which is when the review reads the carriers' scorecard.
  const { scorecard } = review.shippingOptions;
  if (!model.label.show || !scorecard) return null;
  const t = await getTranslations();
  const { order } = review;
  // Carriers of the store that need the national address, when the order's is incomplete.
  const needing = order.shipping.nationalAddress.missing.length
    ? review.shippingOptions.carriers.filter((c) => isCarrierId(c.id) && CARRIERS[c.id].needsNationalAddress).map((c) => c.name)
    : [];
  const refuse = needing.length > 0 && (await getShippingPreferences(ctx)).refuseIncompleteAddress;
  return (
    <Card title={t("label.title")}>
      {model.confirmation?.open && (
        <p role="note" className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="label-unconfirmed">
          {t("order.confirmation.labelWarning")}
        </p>
      )}
      {needing.length > 0 && (
        <p role="note" className="mb-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="label-address-incomplete">
          {t("order.nationalAddress.labelWarning", { carriers: needing.join(t("order.nationalAddress.separator")), count: needing.length })}
          {refuse && <> {t("order.nationalAddress.labelRefused")}</>}
        </p>
      )}
      {model.label.waiting ? (
        <p role="status" className="text-sm text-amber-800">
          {t("label.shipmentStatus", { status: t(`label.shipmentStatuses.${model.label.waiting}`) })}
        </p>
      ) : (
        <IssueLabelForm
          storeSlug={storeSlug}
          orderId={order.id}
          currency={order.totals.currency}
          branches={review.branches}
          defaultBranchId={order.shipping.branchId}
          checkoutMethod={order.shipping.method}
          city={order.shipping.city}
          scorecardLink={model.label.scorecard}
          options={{ ...review.shippingOptions, scorecard, packed: review.packing }}
        />
      )}
    </Card>
  );
}
