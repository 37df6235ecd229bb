// What the customer sees of their order: on the public order page (/o/{token}) and, the same shape, on
// the storefront's own "my orders" page through the API. Never internal comments, tags, staff, costs, or
// anything of another order.
import { z } from "zod";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { publicUrl } from "@/server/http/public-url";
import type { Prisma } from "@/generated/prisma/client";
import { CARRIERS, isCarrierId } from "@/server/shipping/carriers";
import { isOpen, type ConfirmationState } from "./confirmation-rules";
import { ORDER_STATUSES, PAYMENT_METHODS, orderStatusFromDb, paymentMethodFromDb, type OrderStatus } from "./order-status";
import { CUSTOMER_TOKEN, orderTokenWhere } from "@/lib/customer-token";

/** The customer's steps; the last one may be an ending other than delivery. */
export const CUSTOMER_STEPS = ["received", "preparing", "on_its_way", "out_for_delivery", "delivered", "canceled", "returned", "refunded"] as const;
export type CustomerStep = (typeof CUSTOMER_STEPS)[number];

export const customerOrderView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  placedAt: z.iso.datetime(),
  status: z.enum(ORDER_STATUSES),
  store: z.object({ name: z.string(), locale: z.enum(["ar", "en"]), timeZone: z.string() }),
  items: z.array(z.object({ name: z.string(), quantity: z.number().int(), unitPrice: z.number().int(), lineTotal: z.number().int() })),
  totals: z.object({
    subtotal: z.number().int(),
    shippingFee: z.number().int(),
    codFee: z.number().int(),
    discountTotal: z.number().int(),
    taxTotal: z.number().int(),
    total: z.number().int(),
    refunded: z.number().int(),
    currency: z.string(),
  }),
  paymentMethod: z.enum(PAYMENT_METHODS),
  /** Cash on delivery the customer is asked to confirm: `canAnswer` while the store still waits for the answer. */
  confirmation: z
    .object({ state: z.enum(["awaiting", "confirmed", "declined", "unanswered"]), dueAt: z.iso.datetime().nullable(), canAnswer: z.boolean() })
    .nullable(),
  timeline: z.array(z.object({ step: z.enum(CUSTOMER_STEPS), at: z.iso.datetime().nullable(), done: z.boolean() })),
  // Only once the order is shipped, out for delivery or delivered.
  shipment: z.object({ carrier: z.string(), trackingNumber: z.string().nullable(), trackingUrl: z.url().nullable() }).nullable(),
  pageUrl: z.url(),
  /** The order's tax invoice and notes: each as a PDF, and the XML the tax authority reads when there is one. */
  documents: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(["invoice", "credit_note", "debit_note"]),
      number: z.string(),
      issuedAt: z.iso.datetime(),
      total: z.number().int(),
      pdfUrl: z.url(),
      xmlUrl: z.url().nullable(),
    }),
  ),
});
export type CustomerOrderView = z.infer<typeof customerOrderView>;

const select = {
  id: true,
  number: true,
  status: true,
  placedAt: true,
  inProgressAt: true,
  shippedAt: true,
  outForDeliveryAt: true,
  deliveredAt: true,
  canceledAt: true,
  returnedAt: true,
  refundedAt: true,
  paymentMethod: true,
  confirmation: true,
  confirmationDueAt: true,
  currency: true,
  subtotal: true,
  shippingFee: true,
  codFee: true,
  discountTotal: true,
  taxTotal: true,
  total: true,
  refundedAmount: true,
  publicToken: true,
  store: { select: { name: true, locale: true, timeZone: true } },
  customer: { select: { locale: true } },
  items: { select: { name: true, quantity: true, unitPrice: true, lineTotal: true }, orderBy: { id: "asc" } },
  shipments: {
    where: { voidedAt: null, status: { notIn: ["PENDING", "FAILED", "VOIDED"] } },
    select: { carrier: true, courierName: true, trackingNumber: true },
    orderBy: { createdAt: "desc" },
    take: 1,
  },
  taxDocuments: { select: { id: true, kind: true, number: true, issuedAt: true, total: true, hash: true }, orderBy: { icv: "asc" } },
} satisfies Prisma.OrderSelect;
type Row = Prisma.OrderGetPayload<{ select: typeof select }>;

const SHOWS_SHIPMENT: readonly OrderStatus[] = ["shipped", "out_for_delivery", "delivered"];

/** The customer's timeline: the road to delivery, or the road up to where it ended. Pure. */
export function customerTimeline(
  status: OrderStatus,
  at: Record<"placedAt" | "inProgressAt" | "shippedAt" | "outForDeliveryAt" | "deliveredAt" | "canceledAt" | "returnedAt" | "refundedAt", Date | null>,
) {
  const road: { step: CustomerStep; at: Date | null }[] = [
    { step: "received", at: at.placedAt },
    { step: "preparing", at: at.inProgressAt },
    { step: "on_its_way", at: at.shippedAt },
    { step: "out_for_delivery", at: at.outForDeliveryAt },
    { step: "delivered", at: at.deliveredAt },
  ];
  const ending = status === "canceled" || status === "returned" || status === "refunded" ? status : null;
  // An order that ended early shows what it went through, then how it ended.
  const steps = ending ? [...road.filter((s) => s.at), { step: ending, at: at[`${ending}At`] }] : road;
  const reached: Record<OrderStatus, CustomerStep> = {
    received: "received",
    in_progress: "preparing",
    shipped: "on_its_way",
    out_for_delivery: "out_for_delivery",
    delivered: "delivered",
    canceled: "canceled",
    returned: "returned",
    refunded: "refunded",
  };
  const index = steps.findIndex((s) => s.step === reached[status]);
  return steps.map((s, i) => ({ step: s.step, at: s.at?.toISOString() ?? null, done: i <= index }));
}

export const customerOrderUrl = (token: string) => `${publicUrl()}/o/${token}`;

function toView(row: Row): CustomerOrderView {
  const status = orderStatusFromDb(row.status);
  const shipment = row.shipments[0];
  const carrier = shipment?.carrier && isCarrierId(shipment.carrier) ? shipment.carrier : null;
  return {
    id: row.id,
    number: row.number,
    placedAt: row.placedAt.toISOString(),
    status,
    // In the customer's own language when known, else the store's.
    store: { name: row.store.name, locale: (row.customer.locale ?? row.store.locale) === "en" ? "en" : "ar", timeZone: row.store.timeZone },
    items: row.items,
    totals: {
      subtotal: row.subtotal,
      shippingFee: row.shippingFee,
      codFee: row.codFee,
      discountTotal: row.discountTotal,
      taxTotal: row.taxTotal,
      total: row.total,
      refunded: row.refundedAmount,
      currency: row.currency,
    },
    paymentMethod: paymentMethodFromDb(row.paymentMethod),
    confirmation: row.confirmation
      ? {
          state: row.confirmation.toLowerCase() as ConfirmationState,
          dueAt: row.confirmationDueAt?.toISOString() ?? null,
          canAnswer: isOpen(row.confirmation.toLowerCase() as ConfirmationState) && (status === "received" || status === "in_progress"),
        }
      : null,
    timeline: customerTimeline(status, row),
    shipment:
      shipment && SHOWS_SHIPMENT.includes(status)
        ? {
            carrier: carrier ? CARRIERS[carrier].name : shipment.courierName,
            trackingNumber: shipment.trackingNumber,
            // A manually added courier has no tracking page.
            trackingUrl: carrier && shipment.trackingNumber ? CARRIERS[carrier].trackingUrl(shipment.trackingNumber) : null,
          }
        : null,
    pageUrl: customerOrderUrl(row.publicToken),
    documents: row.taxDocuments.map((d) => ({
      id: d.id,
      kind: d.kind.toLowerCase() as "invoice" | "credit_note" | "debit_note",
      number: d.number,
      issuedAt: d.issuedAt.toISOString(),
      total: d.total,
      pdfUrl: `${customerOrderUrl(row.publicToken)}/documents/${d.id}`,
      xmlUrl: d.hash ? `${customerOrderUrl(row.publicToken)}/documents/${d.id}?format=xml` : null,
    })),
  };
}

/** The public order page's data, by its unguessable token; anything else is not found. */
export async function customerOrderByToken(token: string): Promise<CustomerOrderView> {
  if (!CUSTOMER_TOKEN.test(token)) throw notFound("Order");
  const row = await db.order.findFirst({ where: orderTokenWhere(token), select });
  if (!row) throw notFound("Order");
  return toView(row);
}

/** For the storefront (store token): one order of this store, as its customer sees it. */
export async function customerOrderById(ctx: StoreContext, orderId: string): Promise<CustomerOrderView> {
  if (!isUuid(orderId)) throw notFound("Order");
  const row = await db.order.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: orderId } }, select });
  if (!row) throw notFound("Order");
  return toView(row);
}

/** For the storefront's "my orders": a customer's orders of this store, newest first. */
export async function customerOrdersOf(ctx: StoreContext, customerId: string, limit = 50): Promise<CustomerOrderView[]> {
  if (!isUuid(customerId)) throw notFound("Customer");
  const customer = await db.customer.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: customerId } }, select: { id: true } });
  if (!customer) throw notFound("Customer");
  const rows = await db.order.findMany({ where: { storeId: ctx.storeId, customerId }, select, orderBy: [{ placedAt: "desc" }, { id: "desc" }], take: limit });
  return rows.map(toView);
}
