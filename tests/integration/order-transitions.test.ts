import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { transitionOrder } from "@/server/orders/transition-order";
import { transitionOrderInput } from "@/server/orders/schemas-transition";
import { getOrderReview } from "@/server/orders/get-order-review";
import { seedOrder, seedStore, type SeededStore } from "../support/factories";

const move = (s: SeededStore, orderId: string, input: Record<string, unknown>, role: "OWNER" | "STAFF" = "OWNER", options = {}) =>
  transitionOrder(s.ctx(role), orderId, transitionOrderInput.parse(input), options);

async function stockOf(s: SeededStore, sku: string) {
  const rows = await db.stockLevel.findMany({ where: { storeId: s.store.id, variantId: s.variants[sku] }, select: { branchId: true, quantity: true } });
  return Object.fromEntries(s.branches.map((b) => [b.name, rows.find((r) => r.branchId === b.id)?.quantity]));
}

describe("transitionOrder", () => {
  it("moves an order, sets its milestone, bumps its version and writes the event", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    const moved = await move(s, order.id, { to: "in_progress", customerNote: "We are packing it" });
    expect(moved.status).toBe("in_progress");
    expect(moved.version).toBe(order.version + 1);
    expect(moved.milestones.inProgressAt).not.toBeNull();
    const event = await db.orderEvent.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id, type: "order.status_changed" } });
    expect(event.data).toMatchObject({ from: "received", to: "in_progress", note: "We are packing it", stock: "taken" });
    expect(event.actorName).toBe(s.owner.name);
  });

  it("refuses a move the table does not allow, listing the allowed ones, and changes nothing", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    await expect(move(s, order.id, { to: "delivered" })).rejects.toMatchObject({
      code: "ORDER_INVALID_TRANSITION",
      details: { allowed: ["in_progress", "canceled"] },
    });
    const row = await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } });
    expect([row.status, row.version]).toEqual(["RECEIVED", 1]);
  });

  it("10 concurrent moves of one order: exactly one wins, the others learn who changed it", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => move(s, order.id, { to: "in_progress", expectedVersion: 1 })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "ORDER_VERSION_CONFLICT", details: { changedBy: s.owner.name } });
    }
    expect(await db.orderEvent.count({ where: { storeId: s.store.id, orderId: order.id, type: "order.status_changed" } })).toBe(1);
    expect((await stockOf(s, "SKU-A")).Riyadh).toBe(8);
  });

  it("a double click with one idempotency key makes one change and answers both", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    const [a, b] = await Promise.all([
      move(s, order.id, { to: "in_progress" }, "OWNER", { idempotencyKey: "click-1" }),
      move(s, order.id, { to: "in_progress" }, "OWNER", { idempotencyKey: "click-1" }),
    ]);
    expect(a).toEqual(b);
    expect(await db.orderEvent.count({ where: { storeId: s.store.id, orderId: order.id, type: "order.status_changed" } })).toBe(1);
  });

  it("packing takes stock from the shipping branch; cancel and return put it back there", async () => {
    const s = await seedStore();
    const before = await stockOf(s, "SKU-A");
    const order = await seedOrder(s, { items: [{ sku: "SKU-A", quantity: 3 }] });
    await move(s, order.id, { to: "in_progress" });
    expect(await stockOf(s, "SKU-A")).toEqual({ ...before, Riyadh: before.Riyadh! - 3 });
    await move(s, order.id, { to: "canceled" });
    expect(await stockOf(s, "SKU-A")).toEqual(before);

    const second = await seedOrder(s, { items: [{ sku: "SKU-A", quantity: 2 }] });
    await move(s, second.id, { to: "in_progress" });
    await move(s, second.id, { to: "shipped", shipment: { courierName: "Mandoob Ali", trackingNumber: "MA-1" } });
    await move(s, second.id, { to: "delivered" });
    expect((await stockOf(s, "SKU-A")).Riyadh).toBe(before.Riyadh! - 2);
    await move(s, second.id, { to: "returned" });
    expect(await stockOf(s, "SKU-A")).toEqual(before);
  });

  it("a received order canceled before packing has no stock to give back", async () => {
    const s = await seedStore();
    const before = await stockOf(s, "SKU-A");
    const order = await seedOrder(s);
    await move(s, order.id, { to: "canceled" });
    expect(await stockOf(s, "SKU-A")).toEqual(before);
  });

  it("shipping needs a courier; the shipment is recorded", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    await move(s, order.id, { to: "in_progress" });
    await expect(move(s, order.id, { to: "shipped" })).rejects.toMatchObject({
      code: "SHIPMENT_REQUIRED",
      fields: { "shipment.courierName": "is required to ship" },
    });
    await move(s, order.id, { to: "shipped", shipment: { courierName: "Mandoob Ali" } });
    expect(await db.shipment.count({ where: { storeId: s.store.id, orderId: order.id, kind: "MANUAL" } })).toBe(1);
    await expect(move(s, order.id, { to: "in_progress" })).rejects.toMatchObject({ code: "ORDER_INVALID_TRANSITION" });
  });

  it("refunds: full by default, partial allowed, never more than paid; cash on delivery is paid once delivered", async () => {
    const s = await seedStore();
    const paid = await seedOrder(s, { payment: { method: "card", status: "paid" } });
    await move(s, paid.id, { to: "canceled" });
    await expect(move(s, paid.id, { to: "refunded", refundAmount: paid.totals.total + 1 })).rejects.toMatchObject({ code: "REFUND_EXCEEDS_PAID" });
    const partial = await move(s, paid.id, { to: "refunded", refundAmount: 1000 });
    // A partial refund is a partial refund: the order stays where it was, the payment says so.
    expect([partial.status, partial.payment.status]).toEqual(["canceled", "partially_refunded"]);
    const rest = await move(s, paid.id, { to: "refunded" });
    expect([rest.status, rest.payment.status]).toEqual(["refunded", "refunded"]);
    expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: paid.id } } })).refundedAmount).toBe(paid.totals.total);

    const unpaid = await seedOrder(s, { payment: { method: "cash_on_delivery", status: "pending" } });
    await move(s, unpaid.id, { to: "canceled" });
    await expect(move(s, unpaid.id, { to: "refunded" })).rejects.toMatchObject({ code: "ORDER_INVALID_TRANSITION" });

    const cod = await seedOrder(s, { payment: { method: "cash_on_delivery", status: "pending" } });
    await move(s, cod.id, { to: "in_progress" });
    await move(s, cod.id, { to: "shipped", shipment: { courierName: "Mandoob" } });
    const delivered = await move(s, cod.id, { to: "delivered" });
    expect(delivered.payment.status).toBe("paid");
    await move(s, cod.id, { to: "returned" });
    const full = await move(s, cod.id, { to: "refunded" });
    expect(full.payment.status).toBe("refunded");
    const row = await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: cod.id } } });
    expect(row.refundedAmount).toBe(cod.totals.total);
    const event = await db.orderEvent.findFirstOrThrow({
      where: { storeId: s.store.id, orderId: cod.id, type: "order.status_changed" },
      orderBy: { createdAt: "desc" },
    });
    expect(event.data).toMatchObject({ to: "refunded", refundAmount: cod.totals.total });
  });

  it("a partial refund keeps the order's status, names the amount on the timeline and in the customer's SMS; the rest makes it refunded", async () => {
    const s = await seedStore();
    const order = await seedOrder(s, { payment: { method: "card", status: "paid" } });
    for (const to of ["in_progress", "shipped", "delivered"] as const)
      await move(s, order.id, { to, notifyCustomer: false, ...(to === "shipped" ? { shipment: { courierName: "x" } } : {}) });
    const partial = await move(s, order.id, { to: "refunded", refundAmount: 5025 });
    expect([partial.status, partial.payment.status]).toEqual(["delivered", "partially_refunded"]);
    const event = await db.orderEvent.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id, type: "order.refunded" } });
    expect(event.data).toMatchObject({ partial: true, refundAmount: 5025, currency: "SAR", refundedTotal: 5025 });
    const sms = await db.smsMessage.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id, event: "order.partially_refunded" } });
    expect(sms.body).toContain("50.25"); // 50.25 SAR, in the store's Arabic, with the one digit policy (Western digits)
    expect(sms.body).toContain("أعدنا");
    // The review request of the delivered order stays: the customer still has the order.
    expect(await db.reviewRequest.findFirst({ where: { storeId: s.store.id, orderId: order.id, status: "CANCELED" } })).toBeNull();
    const full = await move(s, order.id, { to: "refunded" });
    expect([full.status, full.payment.status]).toEqual(["refunded", "refunded"]);
    const last = await db.smsMessage.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id, event: "order.refunded" } });
    expect(last.body).not.toMatch(/[٠-٩]/); // one digit policy: Western digits
  });

  it("refunds move money: owners and admins always; staff only up to the store's limit (none by default)", async () => {
    const s = await seedStore();
    const order = await seedOrder(s, { payment: { method: "card", status: "paid" } });
    await move(s, order.id, { to: "canceled" });
    await expect(move(s, order.id, { to: "refunded", refundAmount: 100 }, "STAFF")).rejects.toMatchObject({
      code: "FORBIDDEN",
      details: { reason: "refunds_not_allowed_for_staff" },
    });
    // Order Actions offers staff a refund only once the store lets them give one; owners always.
    const offered = async (role: "OWNER" | "STAFF") => (await getOrderReview(s.ctx(role), order.id)).actions;
    expect((await offered("STAFF")).allowed).not.toContain("refunded");
    expect(await offered("OWNER")).toMatchObject({ allowed: expect.arrayContaining(["refunded"]), refundLimit: null });
    await db.store.update({ where: { id: s.store.id }, data: { staffRefundLimit: 2000 } });
    expect(await offered("STAFF")).toMatchObject({ allowed: expect.arrayContaining(["refunded"]), refundLimit: 2000 });
    await expect(move(s, order.id, { to: "refunded", refundAmount: 2001 }, "STAFF")).rejects.toMatchObject({
      code: "FORBIDDEN",
      details: { reason: "refund_over_staff_limit", limit: 2000 },
    });
    expect((await move(s, order.id, { to: "refunded", refundAmount: 2000 }, "STAFF")).payment.status).toBe("partially_refunded");
    // Staff cannot take the rest in one go either (it is more than the limit); an admin can.
    await expect(move(s, order.id, { to: "refunded" }, "STAFF")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await transitionOrder(s.ctx("ADMIN"), order.id, transitionOrderInput.parse({ to: "refunded" }))).status).toBe("refunded");
    expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).refundedAmount).toBe(order.totals.total);
  });

  it("another store's order is not found, and stays as it was", async () => {
    const s = await seedStore();
    const outsider = await seedStore();
    const order = await seedOrder(s);
    await expect(move(outsider, order.id, { to: "canceled" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).status).toBe("RECEIVED");
  });
});

describe("many orders sharing products, moved at once", () => {
  it("never deadlock: stock rows are locked in one order whatever the order of the lines", async () => {
    const s = await seedStore({ stock: { "SKU-A": [500, 0, 0], "SKU-B": [500, 0, 0], "SKU-C": [500, 0, 0] } });
    const lines = [
      [
        { sku: "SKU-A", quantity: 1 },
        { sku: "SKU-B", quantity: 1 },
        { sku: "SKU-C", quantity: 1 },
      ],
      [
        { sku: "SKU-C", quantity: 1 },
        { sku: "SKU-B", quantity: 1 },
        { sku: "SKU-A", quantity: 1 },
      ],
    ];
    const orders = [];
    for (let i = 0; i < 24; i++) orders.push(await seedOrder(s, { items: lines[i % 2] }));
    const results = await Promise.allSettled(orders.map((o) => transitionOrder(s.ctx(), o.id, { to: "in_progress", notifyCustomer: false })));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const stock = await db.stockLevel.findMany({ where: { storeId: s.store.id, branchId: s.branches[0].id }, orderBy: { variantId: "asc" } });
    expect(stock.map((l) => l.quantity)).toEqual([476, 476, 476]);
  });
});
