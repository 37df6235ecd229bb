import { getFormatter, getLocale, getNow, getTranslations } from "next-intl/server";
import { OrderActionButton } from "../../_components/order-action-button";
import { Money, moneyLocale } from "@/components/money";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/server/money/money";
import type { CardProps } from "./card-props";
import { Row } from "./row";

export async function PaymentCard({ review, model, storeSlug }: CardProps) {
  const [t, locale, format, now] = await Promise.all([getTranslations(), getLocale(), getFormatter(), getNow()]);
  const c = model.confirmation;
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
        {order.totals.codFee > 0 && (
          <Row label={t("order.codFee")}>
            <Money amount={order.totals.codFee} currency={cur} />
          </Row>
        )}
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
      {c && (
        <div
          className={`mt-3 space-y-2 rounded-lg px-3 py-2 text-sm ${c.open ? "bg-amber-50 text-amber-900" : "bg-slate-50 text-slate-800"}`}
          data-testid="order-confirmation"
          data-state={c.state}
        >
          <p className="font-medium">
            {t(`order.confirmation.states.${c.state}`)}
            {c.open && c.state === "awaiting" && c.dueAt && <> · {t("order.confirmation.left", { when: format.relativeTime(new Date(c.dueAt), now) })}</>}
          </p>
          {c.mayConfirm && <OrderActionButton storeSlug={storeSlug} orderId={order.id} action="confirmForCustomer" />}
        </div>
      )}
      {model.collect > 0 && (
        <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("order.toCollect", { amount: formatMoney(model.collect, cur, moneyLocale(locale)) })}
        </p>
      )}
    </Card>
  );
}
