import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { api } from "../support/api";
import { seedOrder, seedStore } from "../support/factories";

describe("POST /api/v1/orders/{id}/transitions and GET …/events", () => {
  it("moves the order and returns it; the timeline lists the move", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    const res = await api.transition(s.tokens.STAFF, order.id, { to: "in_progress", customerNote: "Packing", notifyCustomer: false, expectedVersion: 1 });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: order.id, status: "in_progress", version: 2 });
    const events = await api.events(s.tokens.STAFF, order.id);
    expect(events.status).toBe(200);
    expect(events.body.data.events[0]).toMatchObject({
      type: "order.status_changed",
      actor: { type: "API_TOKEN", name: "STAFF token" },
      data: { from: "received", to: "in_progress", note: "Packing", notifyCustomer: false },
    });
  });

  it("409 ORDER_INVALID_TRANSITION with the allowed moves; 409 ORDER_VERSION_CONFLICT for a stale version", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    const invalid = await api.transition(s.tokens.OWNER, order.id, { to: "delivered" });
    expect(invalid.status).toBe(409);
    expect(invalid.body.error).toMatchObject({ code: "ORDER_INVALID_TRANSITION", allowed: ["in_progress", "canceled"] });
    await api.transition(s.tokens.OWNER, order.id, { to: "in_progress" });
    const stale = await api.transition(s.tokens.OWNER, order.id, { to: "canceled", expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "ORDER_VERSION_CONFLICT", changedBy: "OWNER token", order: { status: "in_progress" } });
  });

  it("422 names the field: unknown status, missing courier, refund too large", async () => {
    const s = await seedStore();
    const order = await seedOrder(s, { payment: { method: "card", status: "paid" } });
    expect((await api.transition(s.tokens.OWNER, order.id, { to: "lost" })).body.error.fields).toHaveProperty("to");
    await api.transition(s.tokens.OWNER, order.id, { to: "in_progress" });
    const ship = await api.transition(s.tokens.OWNER, order.id, { to: "shipped" });
    expect([ship.status, ship.body.error.code, ship.body.error.fields]).toEqual([422, "SHIPMENT_REQUIRED", { "shipment.courierName": "is required to ship" }]);
    await api.transition(s.tokens.OWNER, order.id, { to: "canceled" });
    const refund = await api.transition(s.tokens.OWNER, order.id, { to: "refunded", refundAmount: 10 ** 9 });
    expect([refund.status, refund.body.error.code]).toEqual([422, "REFUND_EXCEEDS_PAID"]);
  });

  it("the same Idempotency-Key twice is one move", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    const [a, b] = await Promise.all([
      api.transition(s.tokens.OWNER, order.id, { to: "in_progress" }, "same"),
      api.transition(s.tokens.OWNER, order.id, { to: "in_progress" }, "same"),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await db.orderEvent.count({ where: { storeId: s.store.id, orderId: order.id, type: "order.status_changed" } })).toBe(1);
  });

  it("another store's token gets 404 for both, and the order is unchanged", async () => {
    const s = await seedStore();
    const outsider = await seedStore();
    const order = await seedOrder(s);
    const move = await api.transition(outsider.tokens.OWNER, order.id, { to: "canceled" });
    expect(move.status).toBe(404);
    expect((await api.events(outsider.tokens.OWNER, order.id)).status).toBe(404);
    const row = await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } });
    expect([row.status, row.version]).toEqual(["RECEIVED", 1]);
    expect(await db.orderEvent.count({ where: { storeId: s.store.id, orderId: order.id } })).toBe(1);
  });
});
