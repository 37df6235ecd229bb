// The order state machine: which status may follow which, and the named rules that can still refuse
// a move the table allows. Pure: the use case gathers the facts, these functions decide.
import type { OrderStatus } from "./order-status";

export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  received: ["in_progress", "canceled"],
  in_progress: ["shipped", "canceled"],
  shipped: ["out_for_delivery", "delivered", "returned", "in_progress"],
  out_for_delivery: ["delivered", "returned"],
  delivered: ["returned", "refunded"],
  canceled: ["refunded"],
  returned: ["refunded"],
  refunded: [],
};

/** How a move was asked for: by a person or integration, or as the effect of voiding a label. */
export type TransitionVia = "action" | "void_label";

export type TransitionFacts = {
  from: OrderStatus;
  to: OrderStatus;
  /** What the customer has paid and not had back, in minor units. */
  refundable: number;
  via: TransitionVia;
  hasShipment: boolean;
  /** For refunds: the amount asked for (default: all that is refundable). */
  refundAmount?: number;
  /** The order's label is being voided: until the carrier answers, the order stays where it is. */
  labelVoiding?: boolean;
  /** Held for a person's review (the customer's risk): it may be canceled, nothing else, until released. */
  held?: boolean;
};

export type TransitionRefusal =
  | { code: "ORDER_INVALID_TRANSITION"; reason: "not_allowed" | "only_by_voiding_label" | "nothing_paid" }
  | { code: "SHIPMENT_REQUIRED" }
  | { code: "REFUND_EXCEEDS_PAID"; refundable: number }
  | { code: "REFUND_AMOUNT_INVALID" }
  | { code: "LABEL_IN_PROGRESS" }
  | { code: "ORDER_HELD" };

export const isAllowedByTable = (from: OrderStatus, to: OrderStatus) => TRANSITIONS[from].includes(to);

// The guards, each a small named rule.
export const shippedToInProgressOnlyByVoidingLabel = (f: TransitionFacts) => !(f.from === "shipped" && f.to === "in_progress" && f.via !== "void_label");
export const refundNeedsSomethingPaid = (f: TransitionFacts) => !(f.to === "refunded" && f.refundable <= 0);
export const shippedNeedsShipment = (f: TransitionFacts) => !(f.to === "shipped" && !f.hasShipment);
export const refundWithinPaid = (f: TransitionFacts) => !(f.to === "refunded" && f.refundAmount !== undefined && f.refundAmount > f.refundable);
export const refundAmountPositive = (f: TransitionFacts) => !(f.to === "refunded" && f.refundAmount !== undefined && f.refundAmount <= 0);
export const stayWhileLabelVoiding = (f: TransitionFacts) => !(f.labelVoiding && f.via !== "void_label");
export const heldOnlyCanceled = (f: TransitionFacts) => !(f.held && f.to !== "canceled");

/** Why this move cannot happen now, or null when it can. */
export function refuseTransition(f: TransitionFacts): TransitionRefusal | null {
  if (!isAllowedByTable(f.from, f.to)) return { code: "ORDER_INVALID_TRANSITION", reason: "not_allowed" };
  if (!stayWhileLabelVoiding(f)) return { code: "LABEL_IN_PROGRESS" };
  if (!heldOnlyCanceled(f)) return { code: "ORDER_HELD" };
  if (!shippedToInProgressOnlyByVoidingLabel(f)) return { code: "ORDER_INVALID_TRANSITION", reason: "only_by_voiding_label" };
  if (!refundNeedsSomethingPaid(f)) return { code: "ORDER_INVALID_TRANSITION", reason: "nothing_paid" };
  if (!shippedNeedsShipment(f)) return { code: "SHIPMENT_REQUIRED" };
  if (!refundAmountPositive(f)) return { code: "REFUND_AMOUNT_INVALID" };
  if (!refundWithinPaid(f)) return { code: "REFUND_EXCEEDS_PAID", refundable: f.refundable };
  return null;
}

/**
 * The moves a person can pick now in Order Actions: the table's, less those only a label void makes,
 * and refunds when nothing was paid. (Shipping asks for its shipment in the same form.)
 */
export function availableActions(from: OrderStatus, refundable: number, held = false): OrderStatus[] {
  return TRANSITIONS[from].filter((to) => {
    const facts: TransitionFacts = { from, to, refundable, via: "action", hasShipment: true, held };
    return shippedToInProgressOnlyByVoidingLabel(facts) && refundNeedsSomethingPaid(facts) && heldOnlyCanceled(facts);
  });
}

/** The timestamp column each status sets. */
export const MILESTONE_OF: Readonly<Record<OrderStatus, string | null>> = {
  received: null,
  in_progress: "inProgressAt",
  shipped: "shippedAt",
  out_for_delivery: "outForDeliveryAt",
  delivered: "deliveredAt",
  canceled: "canceledAt",
  returned: "returnedAt",
  refunded: "refundedAt",
};

/** Stock leaves the branch when packing starts and comes back when the order is canceled or returned. */
export function stockEffect(from: OrderStatus, to: OrderStatus, stockTaken: boolean): "take" | "restore" | null {
  if (to === "in_progress" && !stockTaken) return "take";
  if ((to === "canceled" || to === "returned") && stockTaken) return "restore";
  return null;
}

/** Moves a merchant makes that the customer always hears about (when the store sends SMS). */
export const ALWAYS_NOTIFY: readonly OrderStatus[] = ["canceled", "returned", "refunded"];
