import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { transitionOrder } from "@/server/orders/transition-order";
import { storeBusiness } from "@/server/stores/business";
import { seedOrder, seedStore } from "../support/factories";

/**
 * The daily rollups recounted from the orders themselves: what the triggers keep, move by move, must be
 * what a full count says (the home page reads the first; this is the second).
 */
async function recount(storeId: string) {
  const [kept] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT json_agg(x ORDER BY x.day) AS rows FROM (
      SELECT day::text, placed, gross::int, received, "inProgress", shipped, "outForDelivery", delivered, canceled, returned, "refundedOrders",
        "canceledTotal"::int, "refundedAmount"::int, "codOpenCount", "codOpenAmount"::int, "shipHours", "deliverHours"
      FROM store_daily_stats WHERE "storeId" = ${storeId}::uuid AND (placed <> 0 OR "shipHours" <> '{0,0,0,0,0,0,0,0,0,0,0,0,0,0}' OR "deliverHours" <> '{0,0,0,0,0,0,0,0,0,0,0,0,0,0}')) x`;
  const [counted] = await db.$queryRaw<Record<string, unknown>[]>`
    WITH s AS (SELECT "timeZone" AS tz FROM stores WHERE id = ${storeId}::uuid),
    o AS (SELECT o.*, tajer_local_day(o."placedAt", s.tz) AS pday, tajer_local_day(o."shippedAt", s.tz) AS sday, tajer_local_day(o."deliveredAt", s.tz) AS dday
          FROM orders o, s WHERE o."storeId" = ${storeId}::uuid),
    days AS (SELECT pday AS day FROM o UNION SELECT sday FROM o WHERE sday IS NOT NULL UNION SELECT dday FROM o WHERE dday IS NOT NULL AND "shippedAt" IS NOT NULL)
    SELECT json_agg(x ORDER BY x.day) AS rows FROM (
      SELECT d.day::text,
        (SELECT count(*) FROM o WHERE pday = d.day)::int AS placed,
        (SELECT coalesce(sum(total), 0) FROM o WHERE pday = d.day)::int AS gross,
        (SELECT count(*) FROM o WHERE pday = d.day AND status = 'RECEIVED')::int AS received,
        (SELECT count(*) FROM o WHERE pday = d.day AND status = 'IN_PROGRESS')::int AS "inProgress",
        (SELECT count(*) FROM o WHERE pday = d.day AND status = 'SHIPPED')::int AS shipped,
        (SELECT count(*) FROM o WHERE pday = d.day AND status = 'OUT_FOR_DELIVERY')::int AS "outForDelivery",
        (SELECT count(*) FROM o WHERE pday = d.day AND status = 'DELIVERED')::int AS delivered,
        (SELECT count(*) FROM o WHERE pday = d.day AND status = 'CANCELED')::int AS canceled,
        (SELECT count(*) FROM o WHERE pday = d.day AND status = 'RETURNED')::int AS returned,
        (SELECT count(*) FROM o WHERE pday = d.day AND status = 'REFUNDED')::int AS "refundedOrders",
        (SELECT coalesce(sum(total), 0) FROM o WHERE pday = d.day AND status = 'CANCELED')::int AS "canceledTotal",
        (SELECT coalesce(sum("refundedAmount"), 0) FROM o WHERE pday = d.day)::int AS "refundedAmount",
        (SELECT count(*) FROM o WHERE pday = d.day AND "paymentMethod" = 'CASH_ON_DELIVERY' AND "paymentStatus" = 'PENDING' AND status NOT IN ('CANCELED', 'RETURNED', 'REFUNDED'))::int AS "codOpenCount",
        (SELECT coalesce(sum(total), 0) FROM o WHERE pday = d.day AND "paymentMethod" = 'CASH_ON_DELIVERY' AND "paymentStatus" = 'PENDING' AND status NOT IN ('CANCELED', 'RETURNED', 'REFUNDED'))::int AS "codOpenAmount",
        ARRAY(SELECT (SELECT count(*) FROM o WHERE sday = d.day AND tajer_hours_bucket("shippedAt" - "placedAt") = b)::int FROM generate_series(1, 14) b) AS "shipHours",
        ARRAY(SELECT (SELECT count(*) FROM o WHERE dday = d.day AND "shippedAt" IS NOT NULL AND tajer_hours_bucket("deliveredAt" - "shippedAt") = b)::int FROM generate_series(1, 14) b) AS "deliverHours"
      FROM days d) x`;
  return { kept: (kept.rows ?? []) as unknown[], counted: (counted.rows ?? []) as unknown[] };
}

describe("the home page's numbers", () => {
  it("the daily rollups are kept move by move, in the same transaction, and equal a full recount", async () => {
    const s = await seedStore();
    const ctx = s.ctx();
    const cod = await seedOrder(s);
    const paid = await seedOrder(s, { payment: { method: "card", status: "paid" } });
    const canceled = await seedOrder(s);
    const late = await seedOrder(s);
    await db.order.update({ where: { storeId_id: { storeId: s.store.id, id: late.id } }, data: { placedAt: new Date(Date.now() - 3 * 86_400_000) } });
    for (const to of ["in_progress", "shipped", "delivered"] as const)
      await transitionOrder(ctx, cod.id, { to, notifyCustomer: false, ...(to === "shipped" ? { shipment: { courierName: "x" } } : {}) });
    for (const to of ["in_progress", "shipped", "delivered", "returned"] as const)
      await transitionOrder(ctx, paid.id, { to, notifyCustomer: false, ...(to === "shipped" ? { shipment: { courierName: "x" } } : {}) });
    await transitionOrder(ctx, paid.id, { to: "refunded", notifyCustomer: false, refundAmount: 1000 });
    await transitionOrder(ctx, canceled.id, { to: "canceled", notifyCustomer: false });
    const { kept, counted } = await recount(s.store.id);
    expect(kept).toEqual(counted);
    expect(kept.length).toBeGreaterThan(0);

    const business = await storeBusiness(ctx, "Asia/Riyadh", {});
    expect(business.current.orders).toBe(4);
    expect(business.current.cancelRate).toBeCloseTo(0.25);
    expect(business.current.returnRate).toBeCloseTo(0.5);
    expect(business.current.shipHours.counted).toBe(2);
    expect(business.current.deliverHours.counted).toBe(2);
    // Cash still to collect: every cash-on-delivery order whose payment is still pending and that may still be paid.
    const codOpen = await db.order.aggregate({
      where: { storeId: s.store.id, paymentMethod: "CASH_ON_DELIVERY", paymentStatus: "PENDING", status: { notIn: ["CANCELED", "RETURNED", "REFUNDED"] } },
      _sum: { total: true },
      _count: true,
    });
    expect(business.codToCollect).toEqual({ orders: codOpen._count, amount: codOpen._sum.total ?? 0 });
    expect(business.late.orders).toBe(1);
    expect(business.topProducts[0]).toMatchObject({ sku: "SKU-A", quantity: 8 });
    const revenue = (await db.order.findMany({ where: { storeId: s.store.id } })).reduce(
      (n, o) => n + (o.status === "CANCELED" ? 0 : o.total) - o.refundedAmount,
      0,
    );
    expect(business.current.revenue).toBe(revenue);
    expect(business.days).toHaveLength(30);
  });
});
