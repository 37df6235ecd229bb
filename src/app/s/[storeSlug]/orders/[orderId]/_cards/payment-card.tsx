import { getLocale, getTranslations } from "next-intl/server";
import { Money, moneyLocale } from "@/components/money";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/server/money/money";
import type { CardProps } from "./card-props";
import { Row } from "./row";

export async function PaymentCard({ review, model }: CardProps) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const { order } = review;
  const cur = order.totals.currency;
  return (
    <Card title={t("order.payment")}>
      <dl className="divide-y divide-slate-100">
        <Row label={t("order.method")}>{t(`paymentMethod.${order.payment.method}`)}</Row>
        <Row label={t("order.paymentStatus")}>{model.collect > 0 ? t("paymentStatus.collect") : t(`paymentStatus.${order.payment.status}`)}</Row>
        <Row label={t("order.subtotal")}>
          <Money amount={order.totals.subtotal} currency={cur} />
        </Row>
        <Row label={t("order.shippingFee")}>
          <Money amount={order.totals.shipping} currency={cur} />
        </Row>
        {order.totals.discount > 0 && (
          <Row label={t("order.discount")}>
            <Money amount={-order.totals.discount} currency={cur} />
          </Row>
        )}
        {order.totals.tax > 0 && (
          <Row label={t("order.tax")}>
            <Money amount={order.totals.tax} currency={cur} />
          </Row>
        )}
        <Row label={t("order.total")}>
          <span className="text-base">
            <Money amount={order.totals.total} currency={cur} />
          </span>
        </Row>
      </dl>
      {model.collect > 0 && (
        <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("order.toCollect", { amount: formatMoney(model.collect, cur, moneyLocale(locale)) })}
        </p>
      )}
    </Card>
  );
}
