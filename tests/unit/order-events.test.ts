import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import ar from "../../messages/ar.json";
import { ORDER_EVENT_TYPES, orderEvent, parseOrderEvent } from "@/server/orders/order-events";

describe("the timeline's event catalogue", () => {
  it("reads back each event as its type's shape, keeping fields it does not know", () => {
    const written = orderEvent("label.issued", { carrier: "aramex", trackingNumber: "52311146431", cost: 1700, currency: "SAR", handover: "dropoff" });
    const read = parseOrderEvent(written.type, { ...written.data, later: "kept" });
    expect(read).toEqual({
      type: "label.issued",
      data: { carrier: "aramex", trackingNumber: "52311146431", cost: 1700, currency: "SAR", handover: "dropoff", later: "kept" },
    });
  });
  it("an event of a type it does not know, or whose data does not fit, is 'unknown', never a crash", () => {
    expect(parseOrderEvent("order.teleported", {})).toEqual({ type: "unknown", data: { type: "order.teleported" } });
    expect(parseOrderEvent("order.status_changed", { from: "nowhere", to: 3 })).toEqual({ type: "unknown", data: { type: "order.status_changed" } });
    expect(parseOrderEvent("customer.unblocked", null)).toEqual({ type: "customer.unblocked", data: {} });
  });
  it("a storefront source the catalogue does not know reads as the API", () => {
    expect(parseOrderEvent("order.placed", { source: "carrier-pigeon" })).toMatchObject({ data: { source: "api" } });
  });
  it("the words of the timeline exist in both languages for every source and carrier status", () => {
    expect(ORDER_EVENT_TYPES.length).toBeGreaterThan(15);
    for (const catalog of [en, ar]) {
      for (const s of ["storefront", "api", "manual"]) expect(catalog.order.sources).toHaveProperty(s);
      for (const s of ["picked_up", "in_transit", "out_for_delivery", "delivered", "returned_to_sender"])
        expect(catalog.events.carrierStatus).toHaveProperty(s);
    }
  });
});
