import { describe, expect, it } from "vitest";
import type { OrderReview } from "@/server/orders/get-order-review";
import { orderPageModel } from "@/server/orders/order-page-model";

type Shipment = OrderReview["shipments"][number];
const shipment = (over: Partial<Shipment> = {}): Shipment => ({
  id: "sh1",
  courierName: "Aramex",
  trackingNumber: "52311146431",
  carrier: "aramex",
  status: "created",
  cost: 1700,
  handover: "dropoff",
  pickupAt: null,
  pickupBranch: null,
  trackingUrl: null,
  voidable: true,
  ...over,
});
// Only what the page model reads; the rest of a review is the use case's business.
const review = (
  over: { status?: string; method?: string; paymentStatus?: string; shipments?: Shipment[]; reviewRequest?: OrderReview["reviewRequest"] } = {},
) =>
  ({
    order: {
      id: "o1",
      status: over.status ?? "in_progress",
      payment: { method: over.method ?? "card", status: over.paymentStatus ?? "paid" },
      totals: { total: 25_300, currency: "SAR" },
    },
    shipments: over.shipments ?? [],
    reviewRequest: over.reviewRequest ?? null,
  }) as unknown as OrderReview;

describe("the order page's model: what it shows and offers, from the order and the reader's role", () => {
  it("the label form for an order in progress, to those who may update it; a waiting label instead of a second form", () => {
    // Staff may buy a label but not read the carrier scorecard the ranking comes from.
    expect(orderPageModel(review(), "STAFF", { simulator: false }).label).toEqual({ show: true, waiting: null, scorecard: false });
    expect(orderPageModel(review({ status: "received" }), "OWNER", { simulator: false }).label).toEqual({ show: false });
    const pending = review({ shipments: [shipment({ status: "pending", trackingNumber: null })] });
    expect(orderPageModel(pending, "ADMIN", { simulator: false }).label).toEqual({ show: true, waiting: "pending", scorecard: true });
    const voiding = review({ shipments: [shipment({ status: "voiding" })] });
    expect(orderPageModel(voiding, "ADMIN", { simulator: false }).label).toEqual({ show: true, waiting: "voiding", scorecard: true });
  });

  it("cash to collect only for cash on delivery not yet paid", () => {
    expect(orderPageModel(review({ method: "cash_on_delivery", paymentStatus: "pending" }), "STAFF", { simulator: false }).collect).toBe(25_300);
    expect(orderPageModel(review({ method: "cash_on_delivery", paymentStatus: "paid" }), "STAFF", { simulator: false }).collect).toBe(0);
    expect(orderPageModel(review({ method: "card", paymentStatus: "pending" }), "STAFF", { simulator: false }).collect).toBe(0);
  });

  it("hand-over instructions until the parcel is handed over: a pickup's window is the carrier's two hours from its start", () => {
    const pickup = shipment({ handover: "pickup", pickupAt: "2026-12-01T06:00:00.000Z", pickupBranch: "Riyadh" });
    const [open] = orderPageModel(review({ status: "shipped", shipments: [pickup] }), "STAFF", { simulator: false }).shipments;
    expect(open.handover).toEqual({ kind: "pickup", window: { from: "2026-12-01T06:00:00.000Z", to: "2026-12-01T08:00:00.000Z" } });
    const [dropoff] = orderPageModel(review({ shipments: [shipment()] }), "STAFF", { simulator: false }).shipments;
    expect(dropoff.handover).toEqual({ kind: "dropoff" });
    const [handedOver] = orderPageModel(review({ shipments: [shipment({ ...pickup, status: "picked_up" })] }), "STAFF", { simulator: false }).shipments;
    expect(handedOver.handover).toBeNull();
  });

  it("a courier of the store's own has no label to print; the simulator's controls only where it runs, for those who may update", () => {
    const own = shipment({ carrier: null, trackingNumber: null, courierName: "Fahad" });
    expect(orderPageModel(review({ shipments: [own] }), "OWNER", { simulator: true }).shipments[0]).toMatchObject({ withCarrier: false, simulator: true });
    expect(orderPageModel(review({ shipments: [shipment()] }), "OWNER", { simulator: false }).shipments[0]).toMatchObject({
      withCarrier: true,
      simulator: false,
    });
  });

  it("the review card once delivered; 'send now' to those who manage reviews, until the request has gone", () => {
    const delivered = review({ status: "delivered" });
    expect(orderPageModel(delivered, "OWNER", { simulator: false }).review).toEqual({ show: true, canSendNow: true });
    expect(orderPageModel(review(), "OWNER", { simulator: false }).review).toEqual({ show: false, canSendNow: false });
    const sent = review({ status: "delivered", reviewRequest: { status: "sent", scheduledFor: "", sentAt: "", reason: null, submittedAt: null } });
    expect(orderPageModel(sent, "OWNER", { simulator: false }).review).toEqual({ show: true, canSendNow: false });
  });
  it("cash to collect only while the parcel may still reach the door, and the confirmation offered only while it is missing", () => {
    const cod = { method: "cash_on_delivery", paymentStatus: "pending" };
    expect(orderPageModel(review({ ...cod, status: "shipped" }), "STAFF", { simulator: false }).collect).toBe(25_300);
    for (const status of ["canceled", "returned"]) expect(orderPageModel(review({ ...cod, status }), "STAFF", { simulator: false }).collect).toBe(0);
    const awaiting = (status: string, state: string) =>
      ({ ...review({ ...cod, status }), order: { ...review({ ...cod, status }).order, confirmation: { state, dueAt: null } } }) as unknown as OrderReview;
    expect(orderPageModel(awaiting("received", "awaiting"), "STAFF", { simulator: false }).confirmation).toMatchObject({ open: true, mayConfirm: true });
    expect(orderPageModel(awaiting("received", "unanswered"), "STAFF", { simulator: false }).confirmation).toMatchObject({ open: true, mayConfirm: true });
    expect(orderPageModel(awaiting("received", "confirmed"), "STAFF", { simulator: false }).confirmation).toMatchObject({ open: false, mayConfirm: false });
    expect(orderPageModel(awaiting("shipped", "awaiting"), "STAFF", { simulator: false }).confirmation).toMatchObject({ open: false, mayConfirm: false });
  });
});
