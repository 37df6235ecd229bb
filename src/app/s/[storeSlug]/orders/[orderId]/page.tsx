import { orNotFound } from "@/server/errors/or-not-found";
import { cache } from "react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { getOrderReview } from "@/server/orders/get-order-review";
import { formatOrderNumber } from "@/server/orders/order-number";
import { StatusBadge } from "@/components/status-badge";
import { RiskBadge } from "@/components/risk-badge";
import { OrderActionButton } from "../_components/order-action-button";
import type { OrderStatus } from "@/server/orders/order-status";
import { OrderActions } from "../_components/order-actions";
import { OrderTags } from "../_components/order-tags";
import { OrderComments } from "../_components/order-comments";
import { OrderAssignee } from "../_components/order-assignee";
import { simulatorControlsEnabled } from "@/server/shipping/simulate-shipment";
import { Card } from "@/components/ui/card";
import { Timeline } from "../_components/timeline";
import { ItemsAvailability } from "../_components/items-availability";
import { minorUnitDigits } from "@/server/money/money";
import { orderPageModel } from "@/server/orders/order-page-model";
import { LabelCard } from "./_cards/label-card";
import { CustomerCard } from "./_cards/customer-card";
import { PaymentCard } from "./_cards/payment-card";
import { ShippingCard } from "./_cards/shipping-card";
import { ReviewRequestCard } from "./_cards/review-request-card";
import { ReplyCard } from "./_cards/reply-card";
import { InvoiceCard } from "./_cards/invoice-card";
import { PackingCard } from "./_cards/packing-card";
import { withClientMessages } from "@/i18n/client-messages";

type Params = Promise<{ storeSlug: string; orderId: string }>;

// The metadata and the page share one load per request.
const load = cache(async (storeSlug: string, orderId: string) => {
  const access = await requireStoreAccess(storeSlug);
  return { access, review: await orNotFound(getOrderReview(access.ctx, orderId)) };
});

export async function generateMetadata({ params }: { params: Params }) {
  const { storeSlug, orderId } = await params;
  const { review } = await load(storeSlug, orderId);
  return { title: (await getTranslations("order"))("title", { number: formatOrderNumber(review.order.number) }) };
}

async function OrderPage({ params }: { params: Params }) {
  const { storeSlug, orderId } = await params;
  const { access, review } = await load(storeSlug, orderId);
  const { order } = review;
  const [t, format, simulator] = await Promise.all([getTranslations(), getFormatter(), simulatorControlsEnabled()]);
  const model = orderPageModel(review, access.role, { simulator });
  const cur = order.totals.currency;
  const cards = { review, model, storeSlug: access.store.slug, timeZone: access.store.timeZone };

  return (
    <main>
      <Link href={`/s/${access.store.slug}/orders`} className="mb-3 inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        <span aria-hidden className="me-1 rtl:rotate-180">
          ←
        </span>
        {t("order.back")}
      </Link>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{t("order.title", { number: formatOrderNumber(order.number) })}</h1>
        <StatusBadge status={order.status} paymentStatus={order.payment.status} confirmation={order.confirmation} held={order.heldForReview} />
        <RiskBadge risk={order.risk} detailed />
        <span className="text-sm text-slate-600">
          {t("order.placedAt", { date: format.dateTime(new Date(order.placedAt), { dateStyle: "long", timeStyle: "short" }) })}
          {" · "}
          {t(`order.sources.${order.source}`)}
        </span>
      </div>

      {review.customer.blocked && (
        <p role="note" className="mb-4 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {t("customers.orderWarning", { reason: review.customer.blocked.reason })}{" "}
          <Link href={`/s/${access.store.slug}/customers/${order.customer.id}`} className="font-medium underline">
            {t("customers.viewCustomer")}
          </Link>
        </p>
      )}
      {order.heldForReview && (
        <section
          aria-label={t("order.held.title")}
          className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
          data-testid="order-held"
        >
          <div>
            <p className="font-medium">{t("order.held.title")}</p>
            <p>{t("order.held.body")}</p>
            <Link href={`/s/${access.store.slug}/customers/${order.customer.id}`} className="font-medium underline">
              {t("order.held.seeRisk")}
            </Link>
          </div>
          {model.may.update && <OrderActionButton storeSlug={access.store.slug} orderId={order.id} action="releaseHold" />}
        </section>
      )}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <Card title={t("order.items")}>
            <ItemsAvailability order={order} availability={review.availability} branches={review.branches} stockTakenFrom={review.stockTakenFrom} />
          </Card>
          <Card title={t("comments.title")}>
            <OrderComments storeSlug={access.store.slug} orderId={order.id} comments={review.comments} members={review.members} me={access.user.id} />
          </Card>
          <ReplyCard {...cards} ctx={access.ctx} />
          <Card title={t("order.timeline")}>
            <Timeline events={review.events} sms={review.sms} currency={cur} />
          </Card>
        </div>

        <div className="order-first grid min-w-0 grid-cols-1 content-start items-start gap-4 md:grid-cols-2 lg:order-none lg:grid-cols-1">
          <Card title={t("order.actions")}>
            {model.may.update ? (
              <OrderActions
                storeSlug={access.store.slug}
                orderId={order.id}
                version={order.version}
                allowed={review.actions.allowed as OrderStatus[]}
                refundable={review.actions.refundable}
                refundLimit={review.actions.refundLimit}
                currencyDigits={minorUnitDigits(cur)}
                smsEnabled={review.smsEnabled}
                channel={review.messageChannel}
                previews={review.smsPreviews}
                couriers={review.shippingOptions.couriers}
              />
            ) : (
              <p className="text-sm text-slate-600">{t("errors.FORBIDDEN")}</p>
            )}
          </Card>

          <PackingCard {...cards} />
          <LabelCard {...cards} ctx={access.ctx} />

          <Card title={t("assignee.title")}>
            <OrderAssignee
              storeSlug={access.store.slug}
              orderId={order.id}
              assigneeId={review.assigneeId}
              members={review.members}
              me={access.user.id}
              canEdit={model.may.update}
            />
          </Card>

          <CustomerCard {...cards} />
          <PaymentCard {...cards} />
          <InvoiceCard {...cards} ctx={access.ctx} />
          <ShippingCard {...cards} />
          <ReviewRequestCard {...cards} />

          <Card title={t("order.tags")}>
            <OrderTags storeSlug={access.store.slug} orderId={order.id} tags={order.tags} known={review.knownTags} canEdit={model.may.update} />
          </Card>
        </div>
      </div>
    </main>
  );
}

export default withClientMessages("s/[storeSlug]/orders/[orderId]/page", OrderPage);
