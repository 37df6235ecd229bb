// When a label may be bought, voided or settled: pure rules over the order's and the label's status,
// used by the use cases (under the order's lock) and by the order page (which shows only what is allowed).
import type { OrderStatus as DbOrderStatus, ShipmentStatus } from "@/generated/prisma/enums";

/** A carrier label in one of these is live: an order has at most one (a partial unique index holds it). */
export const SETTLED_LABEL_STATUSES = ["FAILED", "VOIDED"] as const satisfies readonly ShipmentStatus[];

export type LabelRefusal = "label_pending" | "label_voiding" | "label_exists" | "order_not_in_progress";

/** Why this order cannot take a new label now, or null. `live` is its live carrier label, if any. */
export function labelRefusal(order: DbOrderStatus, live: ShipmentStatus | null): LabelRefusal | null {
  if (live === "PENDING") return "label_pending";
  if (live === "VOIDING") return "label_voiding";
  if (order !== "IN_PROGRESS") return "order_not_in_progress";
  if (live) return "label_exists";
  return null;
}

export type VoidRefusal = "not_issued" | "already_voided" | "label_pending" | "label_voiding" | "carrier_has_parcel" | "order_moved_on";

/**
 * Why this label cannot be voided now, or null. A label is voided only while the carrier does not have
 * the parcel yet and the order is still shipped by it: once the order is out for delivery, delivered,
 * returned or refunded, voiding would cancel a parcel the order still counts on.
 */
export function voidRefusal(order: DbOrderStatus, shipment: ShipmentStatus): VoidRefusal | null {
  switch (shipment) {
    case "FAILED":
      return "not_issued";
    case "VOIDED":
      return "already_voided";
    case "PENDING":
      return "label_pending";
    case "VOIDING":
      return "label_voiding";
    case "CREATED":
      return order === "SHIPPED" ? null : "order_moved_on";
    default:
      return "carrier_has_parcel";
  }
}
