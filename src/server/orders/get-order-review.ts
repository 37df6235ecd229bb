import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { computeAvailability, type OrderAvailability } from "./availability";
import { getOrder } from "./get-order";
import { loadStock } from "./load-stock";
import type { OrderDto } from "./order-dto";
import { listOrderEvents, type OrderEventDto, type SmsDto } from "./list-order-events";
import { availableActions } from "./order-transitions";
import { refundableAmount } from "./transition-order";
import type { OrderStatus } from "./order-status";
import { composeCustomerSms, smsEventFor } from "@/server/notifications/sms-templates";
import { CARRIERS, CARRIER_IDS, type CarrierId, type RateCard } from "@/server/shipping/carriers";
import { pickupSlots } from "@/server/shipping/pickup-slots";
import { carrierStatsForCity } from "@/server/shipping/scorecard";
import type { WorkingHours } from "@/server/shipping/branch-schemas";
import { billingOf, platformLabelFee, platformRates, type LabelBilling } from "@/server/shipping/label-pricing";
import { listBoxPresets } from "@/server/shipping/manage-box-presets";
import { listCarriers } from "@/server/shipping/carrier-settings";
import { getWallet } from "@/server/wallet/wallet";
import { amountToCollect, orderStatusToDb } from "./order-status";
import { voidRefusal } from "@/server/shipping/label-rules";
import { mayRefund } from "./refund-permission";
import { listOrderComments, type CommentDto } from "./comments";
import { mentionHandle } from "./mentions";

export type LabelCarrierOption = {
  id: string;
  name: string;
  capabilities: { pickup: boolean; dropoff: boolean };
  billing: LabelBilling;
  /** The card a label is weighed (and, on the platform's contract, priced) by. */
  rates: RateCard;
  /** On the store's own account: the platform's fee per label. */
  fee: number;
  accountNumber: string | null;
};

export type OrderReview = {
  order: OrderDto;
  customer: { email: string | null; city: string | null; previousOrders: number; blocked: { reason: string } | null };
  branches: { id: string; name: string; city: string; isDefault: boolean }[];
  shipFrom: { id: string; name: string; city: string; address: string } | null;
  availability: OrderAvailability;
  events: OrderEventDto[];
  sms: SmsDto[];
  /** The moves Order Actions offers now, what a refund may give back, and (for staff) the most one of them may give. */
  actions: { allowed: string[]; refundable: number; refundLimit: number | null };
  shipments: {
    id: string;
    courierName: string;
    trackingNumber: string | null;
    carrier: string | null;
    status: string;
    cost: number;
    handover: string | null;
    /** A pickup's scheduled start (the carrier comes within PICKUP_WINDOW_HOURS) and the branch it comes to. */
    pickupAt: string | null;
    pickupBranch: string | null;
    trackingUrl: string | null;
    /** Whether "Void label" is offered: only when a void is allowed now (the same rule the use case applies). */
    voidable: boolean;
  }[];
  /**
   * What issuing a label needs: enabled carriers, who bills each (the platform at its price, or the store's
   * own account with the platform's fee), box sizes, the wallet, COD to collect.
   */
  shippingOptions: {
    carriers: LabelCarrierOption[];
    /** The platform's prices are misconfigured: no label can be priced (said on the form, not a 500). */
    pricingUnavailable?: boolean;
    /** Pickup slots (their starts, ISO) per branch and carrier, for the next days, and the store's zone to show them in. */
    pickupSlots: Record<string, Record<string, string[]>>;
    timeZone: string;
    boxes: { id: string; name: string; lengthCm: number; widthCm: number; heightCm: number }[];
    walletBalance: number;
    codAmount: number;
    suggestedGrams: number;
    /** The store's own couriers, to pick when shipping without a label. */
    couriers: { id: string; name: string; phone: string | null }[];
    /** How the carriers did to this order's city lately, and the store's rule for picking one: only while a label may be bought. */
    scorecard: Awaited<ReturnType<typeof carrierStatsForCity>> | null;
  };
  smsEnabled: boolean;
  /** How the customer is messaged: their own channel, else the store's (SMS, WhatsApp, or WhatsApp with SMS behind it). */
  messageChannel: "sms" | "whatsapp" | "whatsapp_then_sms";
  /** Stage 7: the review request of a delivered order. */
  reviewRequest: { status: string; scheduledFor: string; sentAt: string | null; reason: string | null; submittedAt: string | null } | null;
  /** The SMS each available move would send, before the merchant's note. */
  smsPreviews: Partial<Record<OrderStatus, string>>;
  /** The store's tag names, to suggest while tagging. */
  knownTags: string[];
  comments: CommentDto[];
  members: { id: string; name: string; handle: string }[];
  assigneeId: string | null;
  /** Packing started: the stock was taken from this branch. */
  stockTakenFrom: string | null;
  /** The latest packing at the packing station: units scanned, box, weight, and whether a photo was kept. */
  packing: {
    id: string;
    at: string;
    by: string | null;
    scannedUnits: number;
    totalUnits: number;
    refusedScans: number;
    lengthMm: number | null;
    widthMm: number | null;
    heightMm: number | null;
    weightGrams: number | null;
    photo: boolean;
  } | null;
};

/** Everything the merchant reviews on a received order: customer, payment, shipping, stock, timeline. */
export async function getOrderReview(ctx: StoreContext, unverifiedOrderId: string): Promise<OrderReview> {
  const order = await getOrder(ctx, unverifiedOrderId);
  const { storeId } = ctx;
  const [customer, previousOrders, branches, items, timeline, money, shipments, store, tags, comments, members] = await Promise.all([
    db.customer.findUnique({
      where: { storeId_id: { storeId, id: order.customer.id } },
      select: { email: true, city: true, blockedAt: true, blockedReason: true, locale: true, messagingChannel: true },
    }),
    db.order.count({ where: { storeId, customerId: order.customer.id, placedAt: { lt: new Date(order.placedAt) } } }),
    db.branch.findMany({
      where: { storeId, archivedAt: null },
      select: { id: true, name: true, city: true, address: true, isDefault: true, workingHours: true },
      orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    }),
    db.orderItem.findMany({ where: { storeId, orderId: order.id }, select: { id: true, variantId: true, quantity: true } }),
    listOrderEvents(ctx, order.id),
    db.order.findUniqueOrThrow({
      where: { storeId_id: { storeId, id: order.id } },
      select: { paymentStatus: true, total: true, refundedAmount: true, assigneeId: true, stockTaken: true },
    }),
    db.shipment.findMany({
      where: { storeId, orderId: order.id, voidedAt: null, status: { notIn: ["FAILED", "VOIDED"] } },
      select: { id: true, courierName: true, trackingNumber: true, carrier: true, status: true, cost: true, handover: true, pickupAt: true, branchId: true },
      orderBy: { createdAt: "desc" },
    }),
    db.store.findUniqueOrThrow({
      where: { id: storeId },
      select: { smsMode: true, name: true, locale: true, smsTemplates: true, staffRefundLimit: true, timeZone: true, messagingChannel: true },
    }),
    db.tag.findMany({ where: { storeId }, select: { name: true }, orderBy: { name: "asc" }, take: 500 }),
    listOrderComments(ctx, order.id),
    db.membership.findMany({ where: { storeId }, select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: "asc" } } }),
  ]);
  const [carriers, boxes, wallet, variants, reviewRequest, scorecard, pack] = await Promise.all([
    listCarriers(ctx),
    listBoxPresets(ctx),
    getWallet(ctx),
    db.productVariant.findMany({
      where: { storeId, id: { in: items.map((i) => i.variantId).filter((v): v is string => !!v) } },
      select: { id: true, weightGrams: true },
    }),
    db.reviewRequest.findUnique({
      where: { storeId_orderId: { storeId, orderId: order.id } },
      select: { status: true, scheduledFor: true, sentAt: true, reason: true, submittedAt: true },
    }),
    order.status === "in_progress" ? carrierStatsForCity(ctx, order.shipping.city) : null,
    db.orderPack.findFirst({
      where: { storeId, orderId: order.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        createdAt: true,
        packedBy: { select: { name: true } },
        scannedUnits: true,
        totalUnits: true,
        refusedScans: true,
        lengthMm: true,
        widthMm: true,
        heightMm: true,
        weightGrams: true,
        photoKey: true,
      },
    }),
  ]);
  const suggestedGrams = items.reduce((g, i) => g + (variants.find((v) => v.id === i.variantId)?.weightGrams ?? 0) * i.quantity, 0);
  const refundable = refundableAmount(money);
  const refundLimit = ctx.role === "STAFF" ? store.staffRefundLimit : null;
  const now = new Date();
  // The platform's prices come from the installation's settings; a broken setting is said on the form.
  let pricing: { cards: ReturnType<typeof platformRates>; fee: number } | null = null;
  try {
    pricing = { cards: platformRates(), fee: platformLabelFee() };
  } catch (error) {
    console.error("label pricing unavailable:", (error as Error).message);
  }
  // Staff are offered a refund only when the store lets them give one (up to its limit).
  // An order held for review may only be canceled until a person releases it.
  const allowed = availableActions(order.status, refundable, order.heldForReview).filter(
    (to) => to !== "refunded" || mayRefund(ctx.role, 1, store.staffRefundLimit),
  );
  const smsPreviews = Object.fromEntries(
    allowed.map((to) => [
      to,
      composeCustomerSms({
        store: { ...store, locale: customer?.locale ?? store.locale },
        order: { number: order.number, customerName: order.customer.name },
        event: smsEventFor(to),
        status: to,
      }),
    ]),
  );
  const stock = await loadStock(
    db,
    storeId,
    items.map((i) => i.variantId),
  );
  const availability = computeAvailability(
    items.map((i) => ({ lineId: i.id, variantId: i.variantId, quantity: i.quantity })),
    branches,
    stock,
  );
  const shipFrom = branches.find((b) => b.id === order.shipping.branchId) ?? null;
  return {
    order,
    customer: {
      email: customer?.email ?? order.customer.email,
      city: customer?.city ?? null,
      previousOrders,
      blocked: customer?.blockedAt ? { reason: customer.blockedReason ?? "" } : null,
    },
    branches: branches.map(({ id, name, city, isDefault }) => ({ id, name, city, isDefault })),
    shipFrom: shipFrom && { id: shipFrom.id, name: shipFrom.name, city: shipFrom.city, address: shipFrom.address },
    availability,
    events: timeline.events,
    sms: timeline.sms,
    actions: { allowed, refundable, refundLimit },
    shipments: shipments.map(({ branchId, pickupAt, ...sh }) => ({
      ...sh,
      pickupAt: pickupAt?.toISOString() ?? null,
      pickupBranch: branches.find((b) => b.id === branchId)?.name ?? null,
      status: sh.status.toLowerCase(),
      trackingUrl: sh.carrier && sh.trackingNumber ? CARRIERS[sh.carrier as CarrierId].trackingUrl(sh.trackingNumber) : null,
      voidable: !!sh.carrier && voidRefusal(orderStatusToDb(order.status), sh.status) === null,
    })),
    shippingOptions: {
      carriers: pricing
        ? carriers
            .filter((c) => c.kind === "integrated" && c.enabled)
            .map((c) => ({
              id: c.id,
              name: c.name,
              capabilities: { pickup: c.capabilities.pickup, dropoff: c.capabilities.dropoff },
              billing: billingOf(c),
              rates: pricing.cards[c.id as CarrierId],
              fee: pricing.fee,
              accountNumber: c.accountNumber,
            }))
        : [],
      ...(pricing ? {} : { pricingUnavailable: true }),
      pickupSlots: Object.fromEntries(
        branches.map((b) => [
          b.id,
          Object.fromEntries(
            CARRIER_IDS.filter((id) => CARRIERS[id].capabilities.pickup && carriers.some((c) => c.id === id && c.enabled)).map((id) => [
              id,
              pickupSlots(b.workingHours as WorkingHours, CARRIERS[id].pickupHours, store.timeZone, now).map((d) => d.toISOString()),
            ]),
          ),
        ]),
      ),
      timeZone: store.timeZone,
      boxes,
      walletBalance: wallet.balance,
      codAmount: amountToCollect(order.payment.method, order.payment.status, order.totals.total),
      suggestedGrams: Math.max(100, suggestedGrams),
      couriers: carriers.filter((c) => c.kind === "manual").map((c) => ({ id: c.id, name: c.name, phone: c.phone ?? null })),
      scorecard,
    },
    smsEnabled: store.smsMode === "PLATFORM",
    messageChannel: (customer?.messagingChannel ?? store.messagingChannel).toLowerCase() as OrderReview["messageChannel"],
    reviewRequest: reviewRequest && {
      status: reviewRequest.status.toLowerCase(),
      scheduledFor: reviewRequest.scheduledFor.toISOString(),
      sentAt: reviewRequest.sentAt?.toISOString() ?? null,
      reason: reviewRequest.reason,
      submittedAt: reviewRequest.submittedAt?.toISOString() ?? null,
    },
    smsPreviews,
    knownTags: tags.map((t) => t.name),
    comments,
    members: members.map(({ user }) => ({ id: user.id, name: user.name, handle: mentionHandle(user) })),
    assigneeId: money.assigneeId,
    stockTakenFrom: money.stockTaken ? (shipFrom?.name ?? null) : null,
    packing: pack && {
      id: pack.id,
      at: pack.createdAt.toISOString(),
      by: pack.packedBy?.name ?? null,
      scannedUnits: pack.scannedUnits,
      totalUnits: pack.totalUnits,
      refusedScans: pack.refusedScans,
      lengthMm: pack.lengthMm,
      widthMm: pack.widthMm,
      heightMm: pack.heightMm,
      weightGrams: pack.weightGrams,
      photo: !!pack.photoKey,
    },
  };
}
