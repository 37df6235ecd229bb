-- CreateTable
CREATE TABLE "store_daily_stats" (
    "storeId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "placed" INTEGER NOT NULL DEFAULT 0,
    "gross" BIGINT NOT NULL DEFAULT 0,
    "received" INTEGER NOT NULL DEFAULT 0,
    "inProgress" INTEGER NOT NULL DEFAULT 0,
    "shipped" INTEGER NOT NULL DEFAULT 0,
    "outForDelivery" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "canceled" INTEGER NOT NULL DEFAULT 0,
    "returned" INTEGER NOT NULL DEFAULT 0,
    "refundedOrders" INTEGER NOT NULL DEFAULT 0,
    "canceledTotal" BIGINT NOT NULL DEFAULT 0,
    "refundedAmount" BIGINT NOT NULL DEFAULT 0,
    "codOpenCount" INTEGER NOT NULL DEFAULT 0,
    "codOpenAmount" BIGINT NOT NULL DEFAULT 0,
    "shipHours" INTEGER[] DEFAULT ARRAY[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]::INTEGER[],
    "deliverHours" INTEGER[] DEFAULT ARRAY[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]::INTEGER[],

    CONSTRAINT "store_daily_stats_pkey" PRIMARY KEY ("storeId","day")
);

-- CreateTable
CREATE TABLE "store_daily_products" (
    "storeId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "store_daily_products_pkey" PRIMARY KEY ("storeId","day","sku")
);

-- AddForeignKey
ALTER TABLE "store_daily_stats" ADD CONSTRAINT "store_daily_stats_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_daily_products" ADD CONSTRAINT "store_daily_products_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hours from one step to the next, in the home page's buckets: under 1, 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168, 336 hours, or more.
CREATE FUNCTION tajer_hours_bucket(span interval) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN span < interval '1 hour' THEN 1 WHEN span < interval '2 hours' THEN 2 WHEN span < interval '4 hours' THEN 3
    WHEN span < interval '8 hours' THEN 4 WHEN span < interval '12 hours' THEN 5 WHEN span < interval '24 hours' THEN 6
    WHEN span < interval '36 hours' THEN 7 WHEN span < interval '48 hours' THEN 8 WHEN span < interval '72 hours' THEN 9
    WHEN span < interval '96 hours' THEN 10 WHEN span < interval '120 hours' THEN 11 WHEN span < interval '168 hours' THEN 12
    WHEN span < interval '336 hours' THEN 13 ELSE 14 END
$$;

-- The day of a moment (stored as UTC) on a store's clock.
CREATE FUNCTION tajer_local_day(at timestamp, tz text) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT ((at AT TIME ZONE 'UTC') AT TIME ZONE tz)::date
$$;

-- Adds (sign = 1) or takes away (sign = -1) what one order counts for in its store's days.
CREATE FUNCTION tajer_count_order(o orders, sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  open_cod boolean := o."paymentMethod" = 'CASH_ON_DELIVERY' AND o."paymentStatus" = 'PENDING' AND o.status NOT IN ('CANCELED', 'RETURNED', 'REFUNDED');
  d date;
  b int;
BEGIN
  SELECT "timeZone" INTO tz FROM stores WHERE id = o."storeId";
  d := tajer_local_day(o."placedAt", tz);
  INSERT INTO store_daily_stats ("storeId", day, placed, gross, received, "inProgress", shipped, "outForDelivery", delivered, canceled, returned,
    "refundedOrders", "canceledTotal", "refundedAmount", "codOpenCount", "codOpenAmount")
  VALUES (o."storeId", d, sign, sign * o.total,
    sign * (o.status = 'RECEIVED')::int, sign * (o.status = 'IN_PROGRESS')::int, sign * (o.status = 'SHIPPED')::int,
    sign * (o.status = 'OUT_FOR_DELIVERY')::int, sign * (o.status = 'DELIVERED')::int, sign * (o.status = 'CANCELED')::int,
    sign * (o.status = 'RETURNED')::int, sign * (o.status = 'REFUNDED')::int,
    sign * CASE WHEN o.status = 'CANCELED' THEN o.total ELSE 0 END, sign * o."refundedAmount",
    sign * open_cod::int, sign * CASE WHEN open_cod THEN o.total ELSE 0 END)
  ON CONFLICT ("storeId", day) DO UPDATE SET
    placed = store_daily_stats.placed + EXCLUDED.placed, gross = store_daily_stats.gross + EXCLUDED.gross,
    received = store_daily_stats.received + EXCLUDED.received, "inProgress" = store_daily_stats."inProgress" + EXCLUDED."inProgress",
    shipped = store_daily_stats.shipped + EXCLUDED.shipped, "outForDelivery" = store_daily_stats."outForDelivery" + EXCLUDED."outForDelivery",
    delivered = store_daily_stats.delivered + EXCLUDED.delivered, canceled = store_daily_stats.canceled + EXCLUDED.canceled,
    returned = store_daily_stats.returned + EXCLUDED.returned, "refundedOrders" = store_daily_stats."refundedOrders" + EXCLUDED."refundedOrders",
    "canceledTotal" = store_daily_stats."canceledTotal" + EXCLUDED."canceledTotal",
    "refundedAmount" = store_daily_stats."refundedAmount" + EXCLUDED."refundedAmount",
    "codOpenCount" = store_daily_stats."codOpenCount" + EXCLUDED."codOpenCount",
    "codOpenAmount" = store_daily_stats."codOpenAmount" + EXCLUDED."codOpenAmount";
  IF o."shippedAt" IS NOT NULL THEN
    d := tajer_local_day(o."shippedAt", tz);
    b := tajer_hours_bucket(o."shippedAt" - o."placedAt");
    INSERT INTO store_daily_stats ("storeId", day) VALUES (o."storeId", d) ON CONFLICT DO NOTHING;
    UPDATE store_daily_stats SET "shipHours"[b] = "shipHours"[b] + sign WHERE "storeId" = o."storeId" AND day = d;
    IF o."deliveredAt" IS NOT NULL THEN
      d := tajer_local_day(o."deliveredAt", tz);
      b := tajer_hours_bucket(o."deliveredAt" - o."shippedAt");
      INSERT INTO store_daily_stats ("storeId", day) VALUES (o."storeId", d) ON CONFLICT DO NOTHING;
      UPDATE store_daily_stats SET "deliverHours"[b] = "deliverHours"[b] + sign WHERE "storeId" = o."storeId" AND day = d;
    END IF;
  END IF;
END $$;

CREATE FUNCTION tajer_orders_daily() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM tajer_count_order(NEW, 1);
  ELSIF (OLD.status, OLD.total, OLD."refundedAmount", OLD."paymentStatus", OLD."paymentMethod", OLD."placedAt", OLD."shippedAt", OLD."deliveredAt")
      IS DISTINCT FROM (NEW.status, NEW.total, NEW."refundedAmount", NEW."paymentStatus", NEW."paymentMethod", NEW."placedAt", NEW."shippedAt", NEW."deliveredAt") THEN
    PERFORM tajer_count_order(OLD, -1);
    PERFORM tajer_count_order(NEW, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER orders_daily AFTER INSERT OR UPDATE OF status, total, "refundedAmount", "paymentStatus", "paymentMethod", "placedAt", "shippedAt", "deliveredAt"
  ON orders FOR EACH ROW EXECUTE FUNCTION tajer_orders_daily();

CREATE FUNCTION tajer_items_daily() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO store_daily_products ("storeId", day, sku, name, quantity, revenue)
  SELECT NEW."storeId", tajer_local_day(o."placedAt", s."timeZone"), NEW.sku, NEW.name, NEW.quantity, NEW."lineTotal"
  FROM orders o JOIN stores s ON s.id = o."storeId" WHERE o."storeId" = NEW."storeId" AND o.id = NEW."orderId"
  ON CONFLICT ("storeId", day, sku) DO UPDATE SET quantity = store_daily_products.quantity + EXCLUDED.quantity,
    revenue = store_daily_products.revenue + EXCLUDED.revenue, name = EXCLUDED.name;
  RETURN NULL;
END $$;

CREATE TRIGGER order_items_daily AFTER INSERT ON order_items FOR EACH ROW EXECUTE FUNCTION tajer_items_daily();

-- Every store's days counted again from its orders, set by set (the backfill below; after a bulk load that
-- ran without triggers, such as the benchmark's data set). Only for a quiet database: it replaces the rows.
CREATE FUNCTION tajer_rebuild_daily() RETURNS void LANGUAGE sql AS $$
  DELETE FROM store_daily_stats;
  DELETE FROM store_daily_products;
  WITH o AS (SELECT o.*, s."timeZone" AS tz FROM orders o JOIN stores s ON s.id = o."storeId"),
  placed AS (
    SELECT "storeId", tajer_local_day("placedAt", tz) AS day, count(*)::int AS placed, sum(total) AS gross,
      count(*) FILTER (WHERE status = 'RECEIVED')::int AS received, count(*) FILTER (WHERE status = 'IN_PROGRESS')::int AS "inProgress",
      count(*) FILTER (WHERE status = 'SHIPPED')::int AS shipped, count(*) FILTER (WHERE status = 'OUT_FOR_DELIVERY')::int AS "outForDelivery",
      count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered, count(*) FILTER (WHERE status = 'CANCELED')::int AS canceled,
      count(*) FILTER (WHERE status = 'RETURNED')::int AS returned, count(*) FILTER (WHERE status = 'REFUNDED')::int AS "refundedOrders",
      coalesce(sum(total) FILTER (WHERE status = 'CANCELED'), 0) AS "canceledTotal", sum("refundedAmount") AS "refundedAmount",
      count(*) FILTER (WHERE "paymentMethod" = 'CASH_ON_DELIVERY' AND "paymentStatus" = 'PENDING' AND status NOT IN ('CANCELED', 'RETURNED', 'REFUNDED'))::int AS "codOpenCount",
      coalesce(sum(total) FILTER (WHERE "paymentMethod" = 'CASH_ON_DELIVERY' AND "paymentStatus" = 'PENDING' AND status NOT IN ('CANCELED', 'RETURNED', 'REFUNDED')), 0) AS "codOpenAmount"
    FROM o GROUP BY 1, 2),
  ship AS (
    SELECT "storeId", day, ARRAY[count(*) FILTER (WHERE b = 1), count(*) FILTER (WHERE b = 2), count(*) FILTER (WHERE b = 3), count(*) FILTER (WHERE b = 4), count(*) FILTER (WHERE b = 5), count(*) FILTER (WHERE b = 6), count(*) FILTER (WHERE b = 7), count(*) FILTER (WHERE b = 8), count(*) FILTER (WHERE b = 9), count(*) FILTER (WHERE b = 10), count(*) FILTER (WHERE b = 11), count(*) FILTER (WHERE b = 12), count(*) FILTER (WHERE b = 13), count(*) FILTER (WHERE b = 14)]::int[] AS h
    FROM (SELECT "storeId", tajer_local_day("shippedAt", tz) AS day, tajer_hours_bucket("shippedAt" - "placedAt") AS b FROM o WHERE "shippedAt" IS NOT NULL) x
    GROUP BY 1, 2),
  deliver AS (
    SELECT "storeId", day, ARRAY[count(*) FILTER (WHERE b = 1), count(*) FILTER (WHERE b = 2), count(*) FILTER (WHERE b = 3), count(*) FILTER (WHERE b = 4), count(*) FILTER (WHERE b = 5), count(*) FILTER (WHERE b = 6), count(*) FILTER (WHERE b = 7), count(*) FILTER (WHERE b = 8), count(*) FILTER (WHERE b = 9), count(*) FILTER (WHERE b = 10), count(*) FILTER (WHERE b = 11), count(*) FILTER (WHERE b = 12), count(*) FILTER (WHERE b = 13), count(*) FILTER (WHERE b = 14)]::int[] AS h
    FROM (SELECT "storeId", tajer_local_day("deliveredAt", tz) AS day, tajer_hours_bucket("deliveredAt" - "shippedAt") AS b FROM o
          WHERE "deliveredAt" IS NOT NULL AND "shippedAt" IS NOT NULL) x
    GROUP BY 1, 2),
  days AS (SELECT "storeId", day FROM placed UNION SELECT "storeId", day FROM ship UNION SELECT "storeId", day FROM deliver)
  INSERT INTO store_daily_stats ("storeId", day, placed, gross, received, "inProgress", shipped, "outForDelivery", delivered, canceled, returned,
    "refundedOrders", "canceledTotal", "refundedAmount", "codOpenCount", "codOpenAmount", "shipHours", "deliverHours")
  SELECT d."storeId", d.day, coalesce(p.placed, 0), coalesce(p.gross, 0), coalesce(p.received, 0), coalesce(p."inProgress", 0), coalesce(p.shipped, 0),
    coalesce(p."outForDelivery", 0), coalesce(p.delivered, 0), coalesce(p.canceled, 0), coalesce(p.returned, 0), coalesce(p."refundedOrders", 0),
    coalesce(p."canceledTotal", 0), coalesce(p."refundedAmount", 0), coalesce(p."codOpenCount", 0), coalesce(p."codOpenAmount", 0),
    coalesce(sh.h, ARRAY[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), coalesce(de.h, ARRAY[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
  FROM days d
  LEFT JOIN placed p ON p."storeId" = d."storeId" AND p.day = d.day
  LEFT JOIN ship sh ON sh."storeId" = d."storeId" AND sh.day = d.day
  LEFT JOIN deliver de ON de."storeId" = d."storeId" AND de.day = d.day;
  INSERT INTO store_daily_products ("storeId", day, sku, name, quantity, revenue)
  SELECT i."storeId", tajer_local_day(o."placedAt", s."timeZone"), i.sku, max(i.name), sum(i.quantity), sum(i."lineTotal")
  FROM order_items i JOIN orders o ON o."storeId" = i."storeId" AND o.id = i."orderId" JOIN stores s ON s.id = o."storeId"
  GROUP BY 1, 2, 3;
$$;

-- The days of the orders already here, counted once.
SELECT tajer_rebuild_daily();
