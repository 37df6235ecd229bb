import { LATE_REASONS } from "./late-reasons";
import { z } from "zod";
import { missingOrderAddressParts } from "@/server/tax/tax-rules";
import { ORDER_STATUSES, PAYMENT_METHODS, PAYMENT_STATUSES, orderStatusFromDb, paymentMethodFromDb, paymentStatusFromDb } from "./order-status";
import type { OrderRow, OrderSummaryRow } from "./order-queries";

/** Cash on delivery the customer was asked to confirm: the answer so far, and until when it is awaited. Null: not asked. */
/** The customer's cash-on-delivery risk when this COD order was placed: score, band, and the factors that scored. */
const risk = z
  .object({
    score: z.number().int(),
    band: z.enum(["low", "medium", "high"]),
    reasons: z.array(z.object({ factor: z.string(), points: z.number().int() })),
  })
  .nullable();
const confirmation = z.object({ state: z.enum(["awaiting", "confirmed", "declined", "unanswered"]), dueAt: z.iso.datetime().nullable() }).nullable();

// The shapes orders leave the server in: the API's JSON and what pages render. Plain, parseable objects.

export const orderSummaryDto = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(ORDER_STATUSES),
  placedAt: z.iso.datetime(),
  customer: z.object({ id: z.uuid(), name: z.string(), phone: z.string() }),
  payment: z.object({ method: z.enum(PAYMENT_METHODS), status: z.enum(PAYMENT_STATUSES) }),
  itemsCount: z.number().int(),
  totals: z.object({ total: z.number().int(), currency: z.string() }),
  branchId: z.uuid().nullable(),
  /** The city the order ships to, as the customer wrote it. */
  city: z.string(),
  tags: z.array(z.string()),
  confirmation,
  /** Held for a person's review (the customer's risk): only canceling moves it until someone releases it. */
  heldForReview: z.boolean(),
  risk,
  /** Late by the store's rules, and at which milestone (null: on time). */
  late: z.enum(LATE_REASONS).nullable(),
});
export type OrderSummaryDto = z.infer<typeof orderSummaryDto>;

export const orderDto = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(ORDER_STATUSES),
  source: z.enum(["storefront", "api", "manual"]),
  version: z.number().int(),
  placedAt: z.iso.datetime(),
  milestones: z.object({
    inProgressAt: z.iso.datetime().nullable(),
    shippedAt: z.iso.datetime().nullable(),
    outForDeliveryAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    canceledAt: z.iso.datetime().nullable(),
    returnedAt: z.iso.datetime().nullable(),
    refundedAt: z.iso.datetime().nullable(),
  }),
  customer: z.object({ id: z.uuid(), name: z.string(), phone: z.string(), email: z.string().nullable() }),
  payment: z.object({ method: z.enum(PAYMENT_METHODS), status: z.enum(PAYMENT_STATUSES) }),
  confirmation,
  /** Held for a person's review (the customer's risk): only canceling moves it until someone releases it. */
  heldForReview: z.boolean(),
  risk,
  /** Late by the store's rules, and at which milestone (null: on time). */
  late: z.enum(LATE_REASONS).nullable(),
  shipping: z.object({
    name: z.string(),
    phone: z.string(),
    country: z.string(),
    city: z.string(),
    district: z.string().nullable(),
    address: z.string(),
    postalCode: z.string().nullable(),
    /** The national address: its parts, and what it lacks to be complete (empty when complete). */
    nationalAddress: z.object({
      buildingNumber: z.string().nullable(),
      additionalNumber: z.string().nullable(),
      shortAddress: z.string().nullable(),
      missing: z.array(z.enum(["buildingNumber", "street", "district", "city", "postalCode", "additionalNumber", "shortAddress"])),
    }),
    method: z.string(),
    fee: z.number().int(),
    branchId: z.uuid().nullable(),
  }),
  items: z.array(
    z.object({
      id: z.uuid(),
      sku: z.string(),
      name: z.string(),
      quantity: z.number().int(),
      unitPrice: z.number().int(),
      lineTotal: z.number().int(),
    }),
  ),
  totals: z.object({
    subtotal: z.number().int(),
    shipping: z.number().int(),
    /** The store's cash-on-delivery fee, in the total (0: none). */
    codFee: z.number().int(),
    discount: z.number().int(),
    tax: z.number().int(),
    total: z.number().int(),
    currency: z.string(),
  }),
  tags: z.array(z.string()),
});
export type OrderDto = z.infer<typeof orderDto>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const riskOf = (row: OrderSummaryRow): OrderDto["risk"] =>
  row.riskScore === null || !row.riskBand
    ? null
    : {
        score: row.riskScore,
        band: row.riskBand as "low" | "medium" | "high",
        reasons: Array.isArray(row.riskReasons) ? (row.riskReasons as { factor: string; points: number }[]) : [],
      };
const confirmationOf = (row: OrderSummaryRow): OrderDto["confirmation"] =>
  row.confirmation ? { state: row.confirmation.toLowerCase() as NonNullable<OrderDto["confirmation"]>["state"], dueAt: iso(row.confirmationDueAt) } : null;

export function toOrderSummaryDto(row: OrderSummaryRow): OrderSummaryDto {
  return {
    id: row.id,
    number: row.number,
    status: orderStatusFromDb(row.status),
    placedAt: row.placedAt.toISOString(),
    customer: { id: row.customerId, name: row.customerName, phone: row.customerPhone },
    payment: { method: paymentMethodFromDb(row.paymentMethod), status: paymentStatusFromDb(row.paymentStatus) },
    itemsCount: row.itemsCount,
    totals: { total: row.total, currency: row.currency },
    branchId: row.branchId,
    city: row.shippingCity,
    tags: [...row.tags].sort(),
    confirmation: confirmationOf(row),
    heldForReview: row.heldAt !== null,
    risk: riskOf(row),
    late: row.lateReason,
  };
}

export function toOrderDto(row: OrderRow): OrderDto {
  return {
    id: row.id,
    number: row.number,
    status: orderStatusFromDb(row.status),
    source: row.source.toLowerCase() as OrderDto["source"],
    version: row.version,
    placedAt: row.placedAt.toISOString(),
    milestones: {
      inProgressAt: iso(row.inProgressAt),
      shippedAt: iso(row.shippedAt),
      outForDeliveryAt: iso(row.outForDeliveryAt),
      deliveredAt: iso(row.deliveredAt),
      canceledAt: iso(row.canceledAt),
      returnedAt: iso(row.returnedAt),
      refundedAt: iso(row.refundedAt),
    },
    customer: { id: row.customerId, name: row.customerName, phone: row.customerPhone, email: row.customerEmail },
    payment: { method: paymentMethodFromDb(row.paymentMethod), status: paymentStatusFromDb(row.paymentStatus) },
    confirmation: confirmationOf(row),
    heldForReview: row.heldAt !== null,
    risk: riskOf(row),
    late: row.lateReason,
    shipping: {
      name: row.shippingName,
      phone: row.shippingPhone,
      country: row.shippingCountry,
      city: row.shippingCity,
      district: row.shippingDistrict,
      address: row.shippingAddress,
      postalCode: row.shippingPostalCode,
      nationalAddress: {
        buildingNumber: row.shippingBuildingNumber,
        additionalNumber: row.shippingAdditionalNumber,
        shortAddress: row.shippingShortAddress,
        missing: missingOrderAddressParts(row),
      },
      method: row.shippingMethod,
      fee: row.shippingFee,
      branchId: row.branchId,
    },
    items: row.items.map((i) => ({ id: i.id, sku: i.sku, name: i.name, quantity: i.quantity, unitPrice: i.unitPrice, lineTotal: i.lineTotal })),
    totals: {
      subtotal: row.subtotal,
      shipping: row.shippingFee,
      codFee: row.codFee,
      discount: row.discountTotal,
      tax: row.taxTotal,
      total: row.total,
      currency: row.currency,
    },
    tags: [...row.tags].sort(),
  };
}
