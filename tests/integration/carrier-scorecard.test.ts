import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { applyCarrierEvent } from "@/server/shipping/carrier-events";
import { issueLabel } from "@/server/shipping/issue-label";
import { voidLabel } from "@/server/shipping/void-label";
import { transitionOrder } from "@/server/orders/transition-order";
import { carrierScorecard, carrierStatsForCity, saveCarrierChoice } from "@/server/shipping/scorecard";
import { rankCarriers } from "@/server/shipping/carrier-ranking";
import { seedOrder, type SeededStore } from "../support/factories";
import { labelInput, shippableStore } from "../support/labels";

const adapters = carrierAdapters();
const DAY = 86_400_000;

/** What the triggers kept, against a full recount from the shipments and reviews themselves. */
async function recount(storeId: string) {
  const [kept] = await db.$queryRaw<{ rows: unknown[] | null }[]>`
    SELECT json_agg(x ORDER BY x.carrier, x.city, x.day) AS rows FROM (
      SELECT carrier, city, day::text, labels, cost::int, delivered, returned, "deliverDays", "ratingSum", "ratingCount"
      FROM carrier_daily_stats WHERE "storeId" = ${storeId}::uuid
        AND (labels <> 0 OR cost <> 0 OR delivered <> 0 OR returned <> 0 OR "ratingCount" <> 0 OR "ratingSum" <> 0
             OR "deliverDays" <> array_fill(0, ARRAY[29]))) x`;
  const [counted] = await db.$queryRaw<{ rows: unknown[] | null }[]>`
    WITH st AS (SELECT "timeZone" AS tz FROM stores WHERE id = ${storeId}::uuid),
    sh AS (SELECT s.*, tajer_local_day(s."createdAt", st.tz) AS d FROM shipments s, st
           WHERE s."storeId" = ${storeId}::uuid AND s.kind = 'CARRIER' AND s.status NOT IN ('PENDING', 'FAILED', 'VOIDED')),
    rv AS (SELECT r.*, tajer_local_day(r."createdAt", st.tz) AS d FROM reviews r, st
           WHERE r."storeId" = ${storeId}::uuid AND r.kind = 'CARRIER' AND r.city IS NOT NULL),
    keys AS (SELECT carrier, "destinationCity" AS city, d FROM sh UNION SELECT carrier, city, d FROM rv)
    SELECT json_agg(x ORDER BY x.carrier, x.city, x.day) AS rows FROM (
      SELECT k.carrier, k.city, k.d::text AS day,
        (SELECT count(*) FROM sh WHERE carrier = k.carrier AND "destinationCity" = k.city AND d = k.d)::int AS labels,
        (SELECT coalesce(sum(cost), 0) FROM sh WHERE carrier = k.carrier AND "destinationCity" = k.city AND d = k.d)::int AS cost,
        (SELECT count(*) FROM sh WHERE carrier = k.carrier AND "destinationCity" = k.city AND d = k.d AND status = 'DELIVERED' AND "deliveredAt" IS NOT NULL)::int AS delivered,
        (SELECT count(*) FROM sh WHERE carrier = k.carrier AND "destinationCity" = k.city AND d = k.d AND status = 'RETURNED')::int AS returned,
        ARRAY(SELECT (SELECT count(*) FROM sh WHERE carrier = k.carrier AND "destinationCity" = k.city AND d = k.d AND status = 'DELIVERED'
                      AND "deliveredAt" IS NOT NULL AND tajer_half_day_bucket("deliveredAt" - "createdAt") = b)::int FROM generate_series(1, 29) b) AS "deliverDays",
        (SELECT coalesce(sum(rating), 0) FROM rv WHERE carrier = k.carrier AND city = k.city AND d = k.d)::int AS "ratingSum",
        (SELECT count(*) FROM rv WHERE carrier = k.carrier AND city = k.city AND d = k.d)::int AS "ratingCount"
      FROM keys k) x`;
  return { kept: kept.rows ?? [], counted: counted.rows ?? [] };
}

/** An order to `city`, being prepared, with a label bought through the carrier simulator. */
async function labelled(s: SeededStore, city: string, carrier: "aramex" | "smsa" = "aramex") {
  const order = await seedOrder(s, {
    payment: { method: "card", status: "paid" },
    shipping: { country: "SA", city, address: "شارع التحلية 10", method: "Aramex", fee: 2500 },
  });
  await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
  const label = await issueLabel(s.ctx(), order.id, labelInput(s, { carrier }), { idempotencyKey: `label-${order.id}` }, { adapters });
  return { order, label };
}

/** A carrier's rating on an order, as the review page saves it (the database finds its city). */
async function rate(s: SeededStore, orderId: string, carrier: string, rating: number) {
  const request = await db.reviewRequest.upsert({
    where: { storeId_orderId: { storeId: s.store.id, orderId } },
    create: { storeId: s.store.id, orderId, status: "SENT", scheduledFor: new Date(), submittedAt: new Date() },
    update: {},
  });
  return db.review.create({
    data: { storeId: s.store.id, requestId: request.id, orderId, kind: "CARRIER", carrier, subject: carrier, rating, authorName: "Sara A." },
  });
}

describe("the carrier scorecard", () => {
  it("is kept label by label and event by event in each change's transaction, and equals a full recount", async () => {
    const s = await shippableStore({ carriers: ["aramex", "smsa"] });
    // Three spellings of one city are one city.
    const a = await labelled(s, "جده");
    const b = await labelled(s, "Jeddah");
    const c = await labelled(s, "جدة", "smsa");
    const d = await labelled(s, "Abha ");
    const shipments = await db.shipment.findMany({ where: { storeId: s.store.id }, select: { id: true, destinationCity: true, trackingNumber: true } });
    expect(new Set(shipments.map((x) => x.destinationCity))).toEqual(new Set(["jeddah", "abha"]));

    // Delivered on the carrier's own clock (a time before the label is taken as the label's).
    const deliveredAt = new Date(Date.now() - 60_000).toISOString();
    expect(await applyCarrierEvent("aramex", { trackingNumber: a.label.trackingNumber!, status: "delivered", occurredAt: deliveredAt })).toBe("applied");
    expect(await applyCarrierEvent("aramex", { trackingNumber: b.label.trackingNumber!, status: "returned_to_sender" })).toBe("applied");
    expect(await applyCarrierEvent("smsa", { trackingNumber: c.label.trackingNumber!, status: "in_transit" })).toBe("applied");
    await voidLabel(s.ctx(), d.label.id, { adapters });
    const delivered = await db.shipment.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: a.label.id } } });
    expect(delivered.deliveredAt?.toISOString()).toBe(new Date(Math.max(Date.parse(deliveredAt), delivered.createdAt.getTime())).toISOString());
    await rate(s, a.order.id, "aramex", 5);
    await rate(s, c.order.id, "smsa", 2);
    // A carrier the order was not shipped with has no city: not counted.
    expect((await rate(s, a.order.id, "dhl", 1)).city).toBeNull();

    const { kept, counted } = await recount(s.store.id);
    expect(kept).toEqual(counted);
    expect(kept.length).toBeGreaterThan(0);

    const card = await carrierScorecard(s.ctx(), 30);
    const jeddah = card.cities.find((x) => x.city === "jeddah")!;
    expect(jeddah.labels).toBe(3);
    expect(jeddah.carriers.find((x) => x.carrier === "aramex")).toMatchObject({
      labels: 2,
      delivered: 1,
      returned: 1,
      returnShare: 0.5,
      thin: true,
      ratingCount: 1,
    });
    expect(jeddah.carriers.find((x) => x.carrier === "smsa")).toMatchObject({ labels: 1, delivered: 0, ratingCount: 1, rating: null });
    // The voided label is no label.
    expect(card.cities.find((x) => x.city === "abha")).toBeUndefined();
  });

  it("a change that rolls back leaves the scorecard as it was", async () => {
    const s = await shippableStore();
    const order = await seedOrder(s);
    await expect(
      db.$transaction(async (tx) => {
        await tx.shipment.create({
          data: {
            storeId: s.store.id,
            orderId: order.id,
            kind: "CARRIER",
            carrier: "aramex",
            courierName: "Aramex",
            destinationCity: "riyadh",
            status: "CREATED",
            cost: 2000,
          },
        });
        throw new Error("carrier said no");
      }),
    ).rejects.toThrow("carrier said no");
    expect(await db.carrierDailyStat.count({ where: { storeId: s.store.id } })).toBe(0);
  });

  it("ranks the carriers for an order's city on the store's delivery history, says where data is thin, and the store's rule preselects", async () => {
    const s = await shippableStore({ carriers: ["aramex", "smsa", "aymakan"] });
    // History: SMSA delivers to Jeddah in about a day, Aramex in about two, AyMakan only three times.
    const history: [string, number, number][] = [
      ["smsa", 12, 1.1],
      ["aramex", 14, 2.2],
      ["aymakan", 3, 0.8],
    ];
    // Delivered orders of the past, one label each.
    const orders: Awaited<ReturnType<typeof seedOrder>>[] = [];
    for (let i = 0; i < 29; i++) orders.push(await seedOrder(s));
    const rows = history.flatMap(([carrier, n, days], k) =>
      Array.from({ length: n }, (_, i) => {
        const createdAt = new Date(Date.now() - (10 + i) * DAY);
        return {
          storeId: s.store.id,
          orderId: orders[history.slice(0, k).reduce((sum, h) => sum + h[1], 0) + i].id,
          kind: "CARRIER" as const,
          carrier,
          courierName: carrier,
          destinationCity: "jeddah",
          status: "DELIVERED" as const,
          cost: 2000,
          createdAt,
          deliveredAt: new Date(createdAt.getTime() + days * DAY),
        };
      }),
    );
    await db.shipment.createMany({ data: rows });
    const ordersOf = (carrier: string) => rows.filter((r) => r.carrier === carrier).map((r) => r.orderId);
    for (const [i, orderId] of ordersOf("smsa").slice(0, 6).entries()) await rate(s, orderId, "smsa", i < 4 ? 4 : 5);
    for (const orderId of ordersOf("aramex").slice(0, 6)) await rate(s, orderId, "aramex", 5);

    const forCity = await carrierStatsForCity(s.ctx(), "جدة");
    expect(forCity.city).toBe("jeddah");
    expect(forCity.stats.smsa).toMatchObject({ delivered: 12, thin: false, medianDays: expect.closeTo(1.2, 0), rating: 4.3, onTimeShare: 1 });
    expect(forCity.stats.aramex).toMatchObject({ delivered: 14, thin: false, rating: 5 });
    expect(forCity.stats.aymakan).toMatchObject({ delivered: 3, thin: true });

    const quotes = [
      { id: "aramex", price: 1700 },
      { id: "smsa", price: 1900 },
      { id: "aymakan", price: 1500 },
    ];
    // No rule: the fastest judged carrier first, thin data last whatever its price.
    const plain = rankCarriers(quotes, forCity.stats, forCity.rule);
    expect(plain.map((q) => [q.id, q.verdict])).toEqual([
      ["smsa", null],
      ["aramex", null],
      ["aymakan", "thin"],
    ]);
    expect(plain[0].fastest).toBe(true);

    // "The cheapest that delivers in 3 days or less, rated 4.5★ or more": Aramex, though SMSA is faster.
    await saveCarrierChoice(s.ctx(), { onTimeDays: 2, preselect: { enabled: true, maxDays: 3, minRating: 4.5 } });
    const ruled = await carrierStatsForCity(s.ctx(), "Jeddah");
    expect(ruled.stats.aramex.onTimeShare).toBe(0);
    const ranked = rankCarriers(quotes, ruled.stats, ruled.rule);
    expect(ranked.map((q) => [q.id, q.verdict])).toEqual([
      ["aramex", "pick"],
      ["smsa", "ratedLower"],
      ["aymakan", "thin"],
    ]);
    // Another city has no history: every carrier is thin there, cheapest first, nothing preselected.
    const elsewhere = await carrierStatsForCity(s.ctx(), "Tabuk");
    expect(rankCarriers(quotes, elsewhere.stats, elsewhere.rule).map((q) => [q.id, q.verdict])).toEqual([
      ["aymakan", "thin"],
      ["aramex", "thin"],
      ["smsa", "thin"],
    ]);
  });
});
