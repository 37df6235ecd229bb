/**
 * What the order page shows and offers, decided in one place from the order's review and the reader's
 * role (pure): the cards are drawn from this, and hold no rule of their own.
 */
import { can, type Role } from "@/server/auth/permissions";
import { PICKUP_WINDOW_HOURS } from "@/server/shipping/carriers";
import type { OrderReview } from "./get-order-review";
import { amountToCollect } from "./order-status";
import { isOpen } from "./confirmation-rules";

type Shipment = OrderReview["shipments"][number];

export type OrderPageModel = {
  may: { update: boolean; blockCustomer: boolean; manageReviews: boolean };
  /** Cash still to collect from the customer at the door (0 when nothing is). */
  collect: number;
  /** The label card: not shown, the form, or a label waiting for its carrier (a second one would be refused). */
  /** `scorecard`: the reader may open the carrier scorecard the form's ranking comes from. */
  label: { show: false } | { show: true; waiting: "pending" | "voiding" | null; scorecard: boolean };
  shipments: (Omit<Shipment, "handover"> & {
    /** Printable and trackable: issued through a carrier (not a courier of the store's own). */
    withCarrier: boolean;
    /** How to hand the parcel over, only until it has been handed over. */
    handover: { kind: "pickup"; window: { from: string; to: string } | null } | { kind: "dropoff" } | null;
    simulator: boolean;
  })[];
  /**
   * Cash on delivery the customer was asked to confirm: the answer so far, until when it is awaited, and
   * whether this reader may confirm it for the customer (who said so on the phone). `open`: still unanswered,
   * which the label card warns about.
   */
  confirmation: { state: "awaiting" | "confirmed" | "declined" | "unanswered"; dueAt: string | null; open: boolean; mayConfirm: boolean } | null;
  /** Stage 7's card: shown once delivered (or once a request exists), and whether "send now" is offered. */
  review: { show: boolean; canSendNow: boolean };
};

export function orderPageModel(review: OrderReview, role: Role, options: { simulator: boolean }): OrderPageModel {
  const { order } = review;
  const may = { update: can(role, "orders.update"), blockCustomer: can(role, "customers.block"), manageReviews: can(role, "reviews.manage") };
  const waiting = review.shipments.some((sh) => sh.status === "pending")
    ? "pending"
    : review.shipments.some((sh) => sh.status === "voiding")
      ? "voiding"
      : null;
  return {
    may,
    // A canceled or returned order brings no cash to the door.
    collect: ["canceled", "returned", "refunded"].includes(order.status) ? 0 : amountToCollect(order.payment.method, order.payment.status, order.totals.total),
    label: order.status === "in_progress" && may.update ? { show: true, waiting, scorecard: can(role, "reports.read") } : { show: false },
    shipments: review.shipments.map(({ handover, ...sh }) => ({
      ...sh,
      withCarrier: !!(sh.carrier && sh.trackingNumber),
      handover:
        sh.status !== "created"
          ? null
          : handover === "pickup"
            ? {
                kind: "pickup",
                window: sh.pickupAt
                  ? { from: sh.pickupAt, to: new Date(new Date(sh.pickupAt).getTime() + PICKUP_WINDOW_HOURS * 3_600_000).toISOString() }
                  : null,
              }
            : { kind: "dropoff" as const },
      simulator: options.simulator && may.update,
    })),
    confirmation: order.confirmation
      ? {
          ...order.confirmation,
          open: isOpen(order.confirmation.state) && (order.status === "received" || order.status === "in_progress"),
          mayConfirm: may.update && isOpen(order.confirmation.state) && (order.status === "received" || order.status === "in_progress"),
        }
      : null,
    review: {
      show: order.status === "delivered" || !!review.reviewRequest,
      canSendNow: order.status === "delivered" && may.manageReviews && (!review.reviewRequest || review.reviewRequest.status === "scheduled"),
    },
  };
}
