-- The carrier scorecard: what each carrier did for the store per destination city, kept by triggers.

-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "carrierChoice" JSONB NOT NULL DEFAULT '{}';

-- AlterTable. Shipments made before this keep the city as typed, lower-cased (the app writes cityKey's
-- key, one for every spelling of a known city); the time of a delivery is the order's.
ALTER TABLE "shipments" ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "destinationCity" TEXT;
UPDATE "shipments" s SET "destinationCity" = left(lower(btrim(o."shippingCity")), 80),
  "deliveredAt" = CASE WHEN s.status = 'DELIVERED' THEN coalesce(o."deliveredAt", s."updatedAt") END
FROM "orders" o WHERE o."storeId" = s."storeId" AND o.id = s."orderId";
ALTER TABLE "shipments" ALTER COLUMN "destinationCity" SET NOT NULL;

-- AlterTable
ALTER TABLE "reviews" ADD COLUMN     "city" TEXT;

-- CreateTable
CREATE TABLE "carrier_daily_stats" (
    "storeId" UUID NOT NULL,
    "carrier" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "labels" INTEGER NOT NULL DEFAULT 0,
    "cost" BIGINT NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "returned" INTEGER NOT NULL DEFAULT 0,
    "deliverDays" INTEGER[] DEFAULT ARRAY[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]::INTEGER[],
    "ratingSum" INTEGER NOT NULL DEFAULT 0,
    "ratingCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "carrier_daily_stats_pkey" PRIMARY KEY ("storeId","city","carrier","day")
);

-- CreateIndex
CREATE INDEX "carrier_daily_stats_storeId_day_idx" ON "carrier_daily_stats"("storeId", "day");

-- AddForeignKey
ALTER TABLE "carrier_daily_stats" ADD CONSTRAINT "carrier_daily_stats_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Label to delivered in half days: bucket 1 is [0, 12 h), bucket 28 is [13.5 d, 14 d), bucket 29 is 14 days or more.
CREATE FUNCTION tajer_half_day_bucket(span interval) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT least(greatest(floor(extract(epoch FROM span) / 43200)::int, 0) + 1, 29)
$$;

-- A label counts from the carrier's answer until it is voided; PENDING, FAILED and VOIDED ones are no label.
CREATE FUNCTION tajer_count_shipment(s shipments, sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  d date;
  b int;
BEGIN
  IF s.kind <> 'CARRIER' OR s.carrier IS NULL OR s.status IN ('PENDING', 'FAILED', 'VOIDED') THEN RETURN; END IF;
  SELECT tajer_local_day(s."createdAt", "timeZone") INTO d FROM stores WHERE id = s."storeId";
  INSERT INTO carrier_daily_stats ("storeId", carrier, city, day, labels, cost, delivered, returned)
  VALUES (s."storeId", s.carrier, s."destinationCity", d, sign, sign * s.cost,
    sign * (s."deliveredAt" IS NOT NULL AND s.status = 'DELIVERED')::int, sign * (s.status = 'RETURNED')::int)
  ON CONFLICT ("storeId", city, carrier, day) DO UPDATE SET
    labels = carrier_daily_stats.labels + EXCLUDED.labels, cost = carrier_daily_stats.cost + EXCLUDED.cost,
    delivered = carrier_daily_stats.delivered + EXCLUDED.delivered, returned = carrier_daily_stats.returned + EXCLUDED.returned;
  IF s."deliveredAt" IS NOT NULL AND s.status = 'DELIVERED' THEN
    b := tajer_half_day_bucket(s."deliveredAt" - s."createdAt");
    UPDATE carrier_daily_stats SET "deliverDays"[b] = "deliverDays"[b] + sign
    WHERE "storeId" = s."storeId" AND city = s."destinationCity" AND carrier = s.carrier AND day = d;
  END IF;
END $$;

CREATE FUNCTION tajer_shipments_carrier_daily() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM tajer_count_shipment(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM tajer_count_shipment(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER shipments_carrier_daily AFTER INSERT OR DELETE OR UPDATE OF status, kind, carrier, cost, "destinationCity", "deliveredAt", "createdAt"
  ON shipments FOR EACH ROW EXECUTE FUNCTION tajer_shipments_carrier_daily();

-- A carrier's rating belongs to the city its parcel went to: the order's latest label with that carrier.
CREATE FUNCTION tajer_reviews_city() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind = 'CARRIER' AND NEW.carrier IS NOT NULL AND NEW.city IS NULL THEN
    SELECT "destinationCity" INTO NEW.city FROM shipments
    WHERE "storeId" = NEW."storeId" AND "orderId" = NEW."orderId" AND kind = 'CARRIER' AND carrier = NEW.carrier
      AND status NOT IN ('PENDING', 'FAILED', 'VOIDED')
    ORDER BY "createdAt" DESC LIMIT 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER reviews_city BEFORE INSERT ON reviews FOR EACH ROW EXECUTE FUNCTION tajer_reviews_city();

CREATE FUNCTION tajer_count_rating(r reviews, sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF r.kind <> 'CARRIER' OR r.carrier IS NULL OR r.city IS NULL THEN RETURN; END IF;
  INSERT INTO carrier_daily_stats ("storeId", carrier, city, day, "ratingSum", "ratingCount")
  SELECT r."storeId", r.carrier, r.city, tajer_local_day(r."createdAt", "timeZone"), sign * r.rating, sign FROM stores WHERE id = r."storeId"
  ON CONFLICT ("storeId", city, carrier, day) DO UPDATE SET
    "ratingSum" = carrier_daily_stats."ratingSum" + EXCLUDED."ratingSum", "ratingCount" = carrier_daily_stats."ratingCount" + EXCLUDED."ratingCount";
END $$;

CREATE FUNCTION tajer_reviews_carrier_daily() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM tajer_count_rating(OLD, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM tajer_count_rating(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER reviews_carrier_daily AFTER INSERT OR DELETE OR UPDATE OF kind, carrier, city, rating, "createdAt"
  ON reviews FOR EACH ROW EXECUTE FUNCTION tajer_reviews_carrier_daily();

-- Every store's carrier days counted again from the shipments and reviews, set by set (the backfill below;
-- after a bulk load that ran without triggers). Only for a quiet database: it replaces the rows.
CREATE FUNCTION tajer_rebuild_carrier_daily() RETURNS void LANGUAGE sql AS $$
  DELETE FROM carrier_daily_stats;
  UPDATE reviews r SET city = (
    SELECT sh."destinationCity" FROM shipments sh
    WHERE sh."storeId" = r."storeId" AND sh."orderId" = r."orderId" AND sh.kind = 'CARRIER' AND sh.carrier = r.carrier
      AND sh.status NOT IN ('PENDING', 'FAILED', 'VOIDED')
    ORDER BY sh."createdAt" DESC LIMIT 1)
  WHERE r.kind = 'CARRIER' AND r.carrier IS NOT NULL AND r.city IS NULL;
  DELETE FROM carrier_daily_stats;
  WITH sh AS (
    SELECT s."storeId", s.carrier, s."destinationCity" AS city, tajer_local_day(s."createdAt", st."timeZone") AS day, s.cost,
      s.status = 'RETURNED' AS returned,
      CASE WHEN s.status = 'DELIVERED' AND s."deliveredAt" IS NOT NULL THEN tajer_half_day_bucket(s."deliveredAt" - s."createdAt") END AS b
    FROM shipments s JOIN stores st ON st.id = s."storeId"
    WHERE s.kind = 'CARRIER' AND s.carrier IS NOT NULL AND s.status NOT IN ('PENDING', 'FAILED', 'VOIDED')),
  labels AS (
    SELECT "storeId", carrier, city, day, count(*)::int AS labels, sum(cost) AS cost, count(b)::int AS delivered,
      count(*) FILTER (WHERE returned)::int AS returned, coalesce(array_agg(b) FILTER (WHERE b IS NOT NULL), '{}') AS buckets
    FROM sh GROUP BY 1, 2, 3, 4),
  ratings AS (
    SELECT r."storeId", r.carrier, r.city, tajer_local_day(r."createdAt", st."timeZone") AS day, sum(r.rating)::int AS "ratingSum", count(*)::int AS "ratingCount"
    FROM reviews r JOIN stores st ON st.id = r."storeId"
    WHERE r.kind = 'CARRIER' AND r.carrier IS NOT NULL AND r.city IS NOT NULL
    GROUP BY 1, 2, 3, 4)
  INSERT INTO carrier_daily_stats ("storeId", carrier, city, day, labels, cost, delivered, returned, "deliverDays", "ratingSum", "ratingCount")
  SELECT coalesce(l."storeId", r."storeId"), coalesce(l.carrier, r.carrier), coalesce(l.city, r.city), coalesce(l.day, r.day),
    coalesce(l.labels, 0), coalesce(l.cost, 0), coalesce(l.delivered, 0), coalesce(l.returned, 0),
    (SELECT array_agg((SELECT count(*) FROM unnest(coalesce(l.buckets, '{}')) x WHERE x = i)::int ORDER BY i) FROM generate_series(1, 29) i),
    coalesce(r."ratingSum", 0), coalesce(r."ratingCount", 0)
  FROM labels l FULL JOIN ratings r ON r."storeId" = l."storeId" AND r.carrier = l.carrier AND r.city = l.city AND r.day = l.day;
$$;

-- The shipments and ratings already here, counted once.
SELECT tajer_rebuild_carrier_daily();
