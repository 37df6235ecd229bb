import { orNotFound } from "@/server/errors/or-not-found";
import { Ltr, Typed } from "@/components/bidi";
import { cache } from "react";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireStoreAccess } from "@/server/stores/store-access";
import { getOrderReview } from "@/server/orders/get-order-review";
import { formatOrderNumber } from "@/server/orders/order-number";
import { amountToCollect } from "@/server/orders/order-status";
import { StatusBadge } from "@/components/status-badge";
import { Money, moneyLocale } from "@/components/money";
import { formatMoney, minorUnitDigits } from "@/server/money/money";
import { can } from "@/server/auth/permissions";
import type { OrderStatus } from "@/server/orders/order-status";
import { OrderActions } from "../_components/order-actions";
import { OrderTags } from "../_components/order-tags";
import { OrderComments } from "../_components/order-comments";
import { OrderAssignee } from "../_components/order-assignee";
import { IssueLabelForm } from "../_components/issue-label-form";
import { VoidLabelButton } from "../_components/void-label-button";
import { PICKUP_WINDOW_HOURS } from "@/server/shipping/carriers";
import { SendReviewRequestButton } from "../_components/send-review-request-button";
import { SimulatorPanel } from "../_components/simulator-panel";
import { simulatorControlsEnabled } from "@/server/shipping/simulate-shipment";
import { BlockCustomer } from "../../customers/_components/block-customer";
import { Card } from "@/components/ui/card";
import { Timeline } from "../_components/timeline";
import { ItemsAvailability } from "../_components/items-availability";

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

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5 text-sm">
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-end font-medium">{children}</dd>
    </div>
  );
}

export default async function OrderPage({ params }: { params: Params }) {
  const { storeSlug, orderId } = await params;
  const { access, review } = await load(storeSlug, orderId);
  const { order } = review;
  const [t, format, locale, simulator] = await Promise.all([getTranslations(), getFormatter(), getLocale(), simulatorControlsEnabled()]);
  const collect = amountToCollect(order.payment.method, order.payment.status, order.totals.total);
  const cur = order.totals.currency;

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
        <StatusBadge status={order.status} paymentStatus={order.payment.status} />
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
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <Card title={t("order.items")}>
            <ItemsAvailability order={order} availability={review.availability} branches={review.branches} stockTakenFrom={review.stockTakenFrom} />
          </Card>
          <Card title={t("comments.title")}>
            <OrderComments storeSlug={access.store.slug} orderId={order.id} comments={review.comments} members={review.members} me={access.user.id} />
          </Card>
          <Card title={t("order.timeline")}>
            <Timeline events={review.events} sms={review.sms} currency={cur} />
          </Card>
        </div>

        <div className="order-first grid min-w-0 grid-cols-1 content-start items-start gap-4 md:grid-cols-2 lg:order-none lg:grid-cols-1">
          <Card title={t("order.actions")}>
            {can(access.role, "orders.update") ? (
              <OrderActions
                storeSlug={access.store.slug}
                orderId={order.id}
                version={order.version}
                allowed={review.actions.allowed as OrderStatus[]}
                refundable={review.actions.refundable}
                refundLimit={review.actions.refundLimit}
                currencyDigits={minorUnitDigits(cur)}
                smsEnabled={review.smsEnabled}
                previews={review.smsPreviews}
                couriers={review.shippingOptions.couriers}
              />
            ) : (
              <p className="text-sm text-slate-600">{t("errors.FORBIDDEN")}</p>
            )}
          </Card>

          {order.status === "in_progress" && can(access.role, "orders.update") && (
            <Card title={t("label.title")}>
              {/* A label still waiting for its carrier's answer settles by itself; a second one would be refused. */}
              {review.shipments.some((sh) => sh.status === "pending" || sh.status === "voiding") ? (
                <p role="status" className="text-sm text-amber-800">
                  {t("label.shipmentStatus", {
                    status: t(review.shipments.some((sh) => sh.status === "pending") ? "label.shipmentStatuses.pending" : "label.shipmentStatuses.voiding"),
                  })}
                </p>
              ) : (
                <IssueLabelForm
                  storeSlug={access.store.slug}
                  orderId={order.id}
                  currency={cur}
                  branches={review.branches}
                  defaultBranchId={order.shipping.branchId}
                  checkoutMethod={order.shipping.method}
                  options={review.shippingOptions}
                />
              )}
            </Card>
          )}

          <Card title={t("assignee.title")}>
            <OrderAssignee
              storeSlug={access.store.slug}
              orderId={order.id}
              assigneeId={review.assigneeId}
              members={review.members}
              me={access.user.id}
              canEdit={can(access.role, "orders.update")}
            />
          </Card>

          <Card title={t("order.customer")}>
            <p className="font-medium">
              <Typed>{order.customer.name}</Typed>
            </p>
            <a
              href={`tel:${order.customer.phone}`}
              className="mt-1 inline-flex min-h-11 items-center gap-2 text-brand-700 hover:underline"
              aria-label={t("order.call", { phone: order.customer.phone })}
            >
              <Ltr className="tabular">{order.customer.phone}</Ltr>
            </a>
            <dl className="mt-1 divide-y divide-slate-100">
              {review.customer.email && <Row label={t("order.email")}>{<Ltr>{review.customer.email}</Ltr>}</Row>}
              {review.customer.city && <Row label={t("order.city")}>{review.customer.city}</Row>}
            </dl>
            <p className="mt-2 text-sm text-slate-600">{t("order.previousOrders", { count: review.customer.previousOrders })}</p>
            <div className="mt-3 flex flex-wrap gap-2">
              <Link
                href={`/s/${access.store.slug}/customers/${order.customer.id}`}
                className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline"
              >
                {t("customers.viewCustomer")}
              </Link>
              {can(access.role, "customers.block") && (
                <BlockCustomer storeSlug={access.store.slug} customerId={order.customer.id} blocked={!!review.customer.blocked} />
              )}
            </div>
          </Card>

          <Card title={t("order.payment")}>
            <dl className="divide-y divide-slate-100">
              <Row label={t("order.method")}>{t(`paymentMethod.${order.payment.method}`)}</Row>
              <Row label={t("order.paymentStatus")}>{collect > 0 ? t("paymentStatus.collect") : t(`paymentStatus.${order.payment.status}`)}</Row>
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
            {collect > 0 && (
              <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {t("order.toCollect", { amount: formatMoney(collect, cur, moneyLocale(locale)) })}
              </p>
            )}
          </Card>

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
            <dl className="mt-2 divide-y divide-slate-100">
              <Row label={t("order.shippingMethod")}>{order.shipping.method}</Row>
              <Row label={t("order.shippingFee")}>
                <Money amount={order.shipping.fee} currency={cur} />
              </Row>
              <Row label={t("order.shipFrom")}>{review.shipFrom ? `${review.shipFrom.name}` : t("order.noBranch")}</Row>
              {review.shipments.map((sh) => (
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
            {review.shipments
              .filter((sh) => sh.carrier && sh.trackingNumber)
              .map((sh) => (
                <div key={sh.id} className="mt-2 flex flex-wrap gap-2">
                  <a
                    href={`/s/${access.store.slug}/labels?ids=${sh.id}`}
                    target="_blank"
                    rel="noopener"
                    className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-50"
                  >
                    {t("label.print")}
                  </a>
                  {sh.trackingUrl && (
                    <a
                      href={sh.trackingUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-3 text-sm font-medium hover:bg-slate-50"
                    >
                      {t("label.track")}
                    </a>
                  )}
                  {sh.voidable && can(access.role, "orders.update") && <VoidLabelButton storeSlug={access.store.slug} shipmentId={sh.id} />}
                  <p className="w-full text-sm" data-testid="shipment-status">
                    {t("label.shipmentStatus", { status: t(`label.shipmentStatuses.${sh.status}`) })}
                  </p>
                  {/* How to hand the parcel over, only until it has been handed over. */}
                  {sh.status === "created" && (
                    <p className="w-full text-xs text-slate-600" data-testid="handover-instructions">
                      {sh.handover === "pickup"
                        ? sh.pickupAt
                          ? t("label.pickupWindow", {
                              carrier: sh.courierName,
                              branch: sh.pickupBranch ?? "",
                              day: format.dateTime(new Date(sh.pickupAt), {
                                weekday: "short",
                                day: "numeric",
                                month: "short",
                                timeZone: access.store.timeZone,
                              }),
                              from: format.dateTime(new Date(sh.pickupAt), { hour: "2-digit", minute: "2-digit", timeZone: access.store.timeZone }),
                              to: format.dateTime(new Date(new Date(sh.pickupAt).getTime() + PICKUP_WINDOW_HOURS * 3_600_000), {
                                hour: "2-digit",
                                minute: "2-digit",
                                timeZone: access.store.timeZone,
                              }),
                            })
                          : t("label.pickupBy", { carrier: sh.courierName })
                        : t("label.dropAt", { carrier: sh.courierName })}
                    </p>
                  )}
                  {simulator && can(access.role, "orders.update") && <SimulatorPanel storeSlug={access.store.slug} shipmentId={sh.id} status={sh.status} />}
                </div>
              ))}
            {review.shipments.some((sh) => !sh.carrier) && <p className="mt-2 text-xs text-slate-500">{t("order.manualNoTracking")}</p>}
          </Card>

          {(order.status === "delivered" || review.reviewRequest) && (
            <Card title={t("order.review.title")}>
              <div className="space-y-2 text-sm" data-testid="review-request">
                {review.reviewRequest ? (
                  <p>
                    {review.reviewRequest.status === "scheduled" &&
                      t("order.review.scheduled", {
                        at: format.dateTime(new Date(review.reviewRequest.scheduledFor), {
                          dateStyle: "medium",
                          timeStyle: "short",
                          timeZone: access.store.timeZone,
                        }),
                      })}
                    {review.reviewRequest.status === "sent" &&
                      (review.reviewRequest.submittedAt
                        ? t("order.review.submitted", {
                            at: format.dateTime(new Date(review.reviewRequest.submittedAt), { dateStyle: "medium", timeZone: access.store.timeZone }),
                          })
                        : t("order.review.sent", {
                            at: format.dateTime(new Date(review.reviewRequest.sentAt!), {
                              dateStyle: "medium",
                              timeStyle: "short",
                              timeZone: access.store.timeZone,
                            }),
                          }))}
                    {(review.reviewRequest.status === "canceled" || review.reviewRequest.status === "skipped") &&
                      t("order.review.notSent", { reason: review.reviewRequest.reason ?? "" })}
                  </p>
                ) : (
                  <p>{t("order.review.none")}</p>
                )}
                {order.status === "delivered" &&
                  can(access.role, "reviews.manage") &&
                  (!review.reviewRequest || review.reviewRequest.status === "scheduled") && (
                    <SendReviewRequestButton storeSlug={access.store.slug} orderId={order.id} />
                  )}
              </div>
            </Card>
          )}

          <Card title={t("order.tags")}>
            <OrderTags
              storeSlug={access.store.slug}
              orderId={order.id}
              tags={order.tags}
              known={review.knownTags}
              canEdit={can(access.role, "orders.update")}
            />
          </Card>
        </div>
      </div>
    </main>
  );
}
