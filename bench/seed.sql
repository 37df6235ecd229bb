-- The benchmark data set, generated set-based inside Postgres (no row-by-row inserts through the ORM):
-- :stores stores, :orders orders (store 1 holds :big_store_orders of them), ~2.5 items per order,
-- :customers customers, tags, events, shipments and wallet ledgers. Deterministic: setseed() fixes
-- ids come from md5 of a row's ordinal and the "random" status from hashtext of it, so two runs
-- produce the same rows.
-- psql-style :variables are replaced by scripts/bench-seed.ts before sending.

CREATE TEMP TABLE bench_stores AS
SELECT s AS n,
       (md5('store' || s)::uuid) AS id,
       CASE WHEN s = 1 THEN :big_store_orders ELSE ((:orders - :big_store_orders) / (:stores - 1)) END AS order_count,
       CASE WHEN s = 1 THEN :big_store_customers ELSE GREATEST(20, (:customers - :big_store_customers) / (:stores - 1)) END AS customer_count
FROM generate_series(1, :stores) s;

INSERT INTO stores (id, slug, name, currency, locale, "timeZone", "createdAt")
SELECT id, 'bench-' || n, 'Bench Store ' || n, 'SAR', CASE WHEN n % 5 = 0 THEN 'en' ELSE 'ar' END, 'Asia/Riyadh', now() - interval '400 days'
FROM bench_stores;

INSERT INTO store_order_counters ("storeId", "nextNumber") SELECT id, 1001 + order_count FROM bench_stores;

-- Open Saturday to Thursday 9 am to 10 pm, Fridays from 4 pm: late orders count these hours.
INSERT INTO branches ("storeId", id, name, city, address, "isDefault", "workingHours")
SELECT s.id, md5('branch' || s.n || '-' || b)::uuid, 'Branch ' || b, (ARRAY['الرياض','جدة','الدمام'])[b], 'Street ' || b, b = 1,
  '{"sat":{"open":"09:00","close":"22:00"},"sun":{"open":"09:00","close":"22:00"},"mon":{"open":"09:00","close":"22:00"},"tue":{"open":"09:00","close":"22:00"},"wed":{"open":"09:00","close":"22:00"},"thu":{"open":"09:00","close":"22:00"},"fri":{"open":"16:00","close":"22:00"}}'::jsonb
FROM bench_stores s, generate_series(1, 3) b;

INSERT INTO products ("storeId", id, name)
SELECT s.id, md5('product' || s.n || '-' || p)::uuid, 'Product ' || p
FROM bench_stores s, generate_series(1, 20) p;

INSERT INTO product_variants ("storeId", id, "productId", sku, "optionLabel", price, "weightGrams", "lengthMm", "widthMm", "heightMm")
SELECT s.id, md5('variant' || s.n || '-' || p)::uuid, md5('product' || s.n || '-' || p)::uuid, 'BN-' || lpad(p::text, 3, '0'), '', 2500 + p * 700, 300 + p * 40, 200, 150, 80
FROM bench_stores s, generate_series(1, 20) p;

INSERT INTO customers ("storeId", id, name, phone, city, address, "createdAt")
SELECT s.id, md5('customer' || s.n || '-' || c)::uuid,
       (ARRAY['سارة','محمد','نورة','عبدالله','ريم','فهد','Lama','Omar'])[1 + (c % 8)] || ' ' || (ARRAY['العتيبي','القحطاني','الغامدي','Al-Harbi','Al-Qahtani'])[1 + (c % 5)],
       '+9665' || lpad(((s.n::bigint * 1000003 + c) % 100000000)::text, 8, '0'),
       (ARRAY['الرياض','جدة','الدمام'])[1 + (c % 3)], 'Street ' || c, now() - interval '400 days'
FROM bench_stores s, generate_series(1, s.customer_count) c;

-- Orders: placed over the last 365 days, statuses weighted like a real desk (most delivered).
CREATE TEMP TABLE bench_orders AS
SELECT s.id AS store_id, s.n AS store_n, o AS k,
       md5('order' || s.n || '-' || o)::uuid AS id,
       1000 + o AS number,
       md5('customer' || s.n || '-' || (1 + (o * 7919) % s.customer_count))::uuid AS customer_id,
       1 + (o * 7919) % s.customer_count AS customer_k,
       now() - ((s.order_count - o)::float / s.order_count) * interval '365 days' - interval '1 hour' AS placed_at,
       CASE
         WHEN r < 0.04 THEN 'RECEIVED' WHEN r < 0.10 THEN 'IN_PROGRESS' WHEN r < 0.16 THEN 'SHIPPED'
         WHEN r < 0.19 THEN 'OUT_FOR_DELIVERY' WHEN r < 0.90 THEN 'DELIVERED' WHEN r < 0.96 THEN 'CANCELED'
         WHEN r < 0.98 THEN 'RETURNED' ELSE 'REFUNDED' END::"OrderStatus" AS status,
       1 + (o % 4) AS lines
FROM bench_stores s, generate_series(1, s.order_count) o, LATERAL (SELECT abs(hashtext('r' || s.n || '-' || o)) / 2147483647.0 AS r) x;

CREATE TEMP TABLE bench_items AS
SELECT o.store_id AS "storeId", md5('item' || o.store_n || '-' || o.k || '-' || l)::uuid AS id, o.id AS "orderId",
       md5('variant' || o.store_n || '-' || v)::uuid AS "variantId", 'BN-' || lpad(v::text, 3, '0') AS sku, 'Product ' || v AS name,
       1 + (o.k + l) % 2 AS quantity, 2500 + v * 700 AS "unitPrice", (1 + (o.k + l) % 2) * (2500 + v * 700) AS "lineTotal"
FROM bench_orders o, generate_series(1, o.lines) l, LATERAL (SELECT 1 + ((o.k * 31 + l * 17) % 20) AS v) vv;
CREATE TEMP TABLE bench_order_sums AS SELECT "orderId", sum("lineTotal")::int AS subtotal, sum(quantity)::int AS qty FROM bench_items GROUP BY "orderId";

INSERT INTO orders ("storeId", id, number, status, source, "customerId", "customerName", "customerPhone", "paymentMethod", "paymentStatus",
                    currency, subtotal, "shippingFee", total, "itemsCount", "shippingName", "shippingPhone", "shippingCity", "shippingAddress",
                    "shippingMethod", "branchId", "searchText", "placedAt", "createdAt", "updatedAt", "inProgressAt", "shippedAt", "deliveredAt", version,
                    "publicToken")
SELECT o.store_id, o.id, o.number, o.status, 'STOREFRONT', o.customer_id, c.name, c.phone,
       (ARRAY['CASH_ON_DELIVERY','MADA','CARD','APPLE_PAY','STC_PAY'])[1 + o.k % 5]::"PaymentMethod",
       CASE WHEN o.status IN ('DELIVERED','SHIPPED','OUT_FOR_DELIVERY') OR o.k % 5 <> 0 THEN 'PAID' ELSE 'PENDING' END::"PaymentStatus",
       'SAR', i.subtotal, 2500, i.subtotal + 2500, i.qty, c.name, c.phone, c.city, c.address, 'Aramex',
       md5('branch' || o.store_n || '-1')::uuid,
       lower(o.number || ' ' || c.name || ' ' || c.phone || ' ' || substr(c.phone, 5) || ' 0' || substr(c.phone, 5)),
       o.placed_at, o.placed_at, o.placed_at,
       CASE WHEN o.status NOT IN ('RECEIVED','CANCELED') THEN o.placed_at + interval '3 hours' END,
       CASE WHEN o.status IN ('SHIPPED','OUT_FOR_DELIVERY','DELIVERED','RETURNED','REFUNDED') THEN o.placed_at + interval '1 day' END,
       CASE WHEN o.status IN ('DELIVERED','REFUNDED') THEN o.placed_at + interval '3 days' END,
       1,
       -- Written here: the seed runs with triggers off, and the token's trigger is one of them.
       tajer_store_token(o.store_id)
FROM bench_orders o
JOIN customers c ON c."storeId" = o.store_id AND c.id = o.customer_id
JOIN bench_order_sums i ON i."orderId" = o.id;

INSERT INTO order_items ("storeId", id, "orderId", "variantId", sku, name, quantity, "unitPrice", "lineTotal")
SELECT "storeId", id, "orderId", "variantId", sku, name, quantity, "unitPrice", "lineTotal" FROM bench_items;

-- A placed event for every order and a status event for every order past "received".
INSERT INTO order_events ("storeId", id, "orderId", type, "actorType", "actorName", data, "createdAt")
SELECT o.store_id, md5('event-placed' || o.store_n || '-' || o.k)::uuid, o.id, 'order.placed', 'CUSTOMER', 'Customer', '{"source":"storefront"}', o.placed_at FROM bench_orders o;
INSERT INTO order_events ("storeId", id, "orderId", type, "actorType", "actorName", data, "createdAt")
SELECT o.store_id, md5('event-status' || o.store_n || '-' || o.k)::uuid, o.id, 'order.status_changed', 'USER', 'Staff',
       jsonb_build_object('from', 'received', 'to', lower(o.status::text)), o.placed_at + interval '3 hours'
FROM bench_orders o WHERE o.status <> 'RECEIVED';

-- Tags: five per store, on a fifth of the orders.
INSERT INTO tags ("storeId", id, name, color)
SELECT s.id, md5('tag' || s.n || '-' || t)::uuid, (ARRAY['vip','gift','fragile','wholesale','urgent'])[t], 'slate' FROM bench_stores s, generate_series(1, 5) t;
INSERT INTO order_tags ("storeId", "orderId", "tagId")
SELECT o.store_id, o.id, md5('tag' || o.store_n || '-' || (1 + o.k % 5))::uuid FROM bench_orders o WHERE o.k % 5 = 0;

-- Shipments with tracking numbers for everything that left, and wallets whose ledgers add up.
-- Three carriers, each quicker to one of the three cities (the carrier scorecard's history); a label's
-- time to the door is its order's day and a half, give or take a day by carrier and city.
INSERT INTO shipments ("storeId", id, "orderId", kind, carrier, "courierName", "trackingNumber", status, "branchId", handover, cost, currency,
                       "destinationCity", "deliveredAt", "createdAt", "updatedAt")
SELECT o.store_id, md5('shipment' || o.store_n || '-' || o.k)::uuid, o.id, 'CARRIER', cr.carrier, cr.name,
       CASE cr.carrier WHEN 'aramex' THEN lpad((o.store_n::bigint * 10000000 + o.k)::text, 11, '0')
                       WHEN 'smsa' THEN lpad((o.store_n::bigint * 10000000 + o.k)::text, 12, '0')
                       ELSE 'AY' || lpad((o.store_n::bigint * 10000000 + o.k)::text, 9, '0') END,
       CASE WHEN o.status IN ('DELIVERED','REFUNDED') THEN 'DELIVERED' WHEN o.status = 'RETURNED' THEN 'RETURNED' WHEN o.status = 'OUT_FOR_DELIVERY' THEN 'OUT_FOR_DELIVERY' ELSE 'IN_TRANSIT' END::"ShipmentStatus",
       md5('branch' || o.store_n || '-1')::uuid, 'dropoff', 2250, 'SAR', ci.city,
       CASE WHEN o.status IN ('DELIVERED','REFUNDED') THEN o.placed_at + interval '1 day' + (1 + ((o.k + o.customer_k) % 3)) * interval '12 hours' END,
       o.placed_at + interval '1 day', o.placed_at + interval '1 day'
FROM bench_orders o,
     LATERAL (SELECT (ARRAY['riyadh','jeddah','dammam'])[1 + (o.customer_k % 3)] AS city) ci,
     LATERAL (SELECT (ARRAY['aramex','smsa','aymakan'])[1 + (o.k % 3)] AS carrier, (ARRAY['Aramex','SMSA Express','AyMakan'])[1 + (o.k % 3)] AS name) cr
WHERE o.status IN ('SHIPPED','OUT_FOR_DELIVERY','DELIVERED','RETURNED','REFUNDED');

INSERT INTO wallet_entries ("storeId", id, kind, amount, "balanceAfter", reference, "actorName", "createdAt")
SELECT s.id, md5('topup' || s.n)::uuid, 'TOP_UP', 1000000000, 1000000000, 'Opening balance', 'Bench', now() - interval '400 days' FROM bench_stores s;
INSERT INTO wallet_entries ("storeId", id, kind, amount, "balanceAfter", "orderId", "shipmentId", "actorName", "createdAt")
SELECT sh."storeId", md5('debit' || sh.id)::uuid, 'LABEL', -sh.cost,
       1000000000 - sh.cost * row_number() OVER (PARTITION BY sh."storeId" ORDER BY sh."createdAt", sh.id),
       sh."orderId", sh.id, 'Bench', sh."createdAt"
FROM shipments sh;
-- Each store's balance is its ledger's sum (one opening top-up each, then the labels). Read from the ledger
-- alone: a sharded database joins no local table to a distributed one.
INSERT INTO wallets ("storeId", balance, currency, "lowBalanceThreshold", "updatedAt")
SELECT "storeId", sum(amount), 'SAR', 5000, now() FROM wallet_entries GROUP BY "storeId";

-- Messages to customers: a shipping SMS for every order that left, a status SMS for every other order's
-- customer, priced as the provider reported them; and a reply from one customer in twenty.
INSERT INTO sms_messages ("storeId", id, "orderId", event, "to", body, status, "providerSid", channel, "priceMicros", "priceUnit", segments, "sentAt", "createdAt", "updatedAt")
SELECT o.store_id, md5('sms' || o.store_n || '-' || o.k)::uuid, o.id,
       CASE WHEN o.status IN ('SHIPPED','OUT_FOR_DELIVERY','DELIVERED','RETURNED','REFUNDED') THEN 'order.label_issued' ELSE 'order.status_changed' END,
       '+9665' || lpad(((o.store_n::bigint * 1000003 + o.customer_k) % 100000000)::text, 8, '0'),
       'طلبك ' || o.k || ' شُحن. تابِعه: https://tajer.example/o/' || md5('sms-link' || o.k),
       CASE WHEN o.k % 17 = 0 THEN 'UNDELIVERED' ELSE 'DELIVERED' END::"SmsStatus",
       'SM' || md5('sms-sid' || o.store_n || '-' || o.k),
       CASE WHEN o.k % 3 = 0 THEN 'WHATSAPP' ELSE 'SMS' END::"MessageChannel",
       CASE WHEN o.k % 3 = 0 THEN 15700 ELSE 79100 END, 'USD', 1,
       o.placed_at + interval '1 day', o.placed_at + interval '1 day', o.placed_at + interval '1 day'
FROM bench_orders o;

INSERT INTO inbound_messages ("storeId", id, channel, "from", body, "providerSid", "customerId", "orderId", intent, "receivedAt")
SELECT o.store_id, md5('inbound' || o.store_n || '-' || o.k)::uuid, 'WHATSAPP',
       '+9665' || lpad(((o.store_n::bigint * 1000003 + o.customer_k) % 100000000)::text, 8, '0'),
       'متى يصل الطلب؟', 'SM' || md5('inbound-sid' || o.store_n || '-' || o.k),
       md5('customer' || o.store_n || '-' || o.customer_k)::uuid, o.id, NULL, o.placed_at + interval '2 days'
FROM bench_orders o WHERE o.k % 20 = 0;

-- Cash on delivery with the carriers: every delivered COD parcel's cash expected and collected at the door;
-- the carriers pay it out in weekly statements sixteen days after the week begins (so the last two weeks
-- are still owed), one line in fifty paid ten riyals short.
UPDATE shipments sh SET "codAmount" = o.total FROM orders o
WHERE o."storeId" = sh."storeId" AND o.id = sh."orderId" AND o."paymentMethod" = 'CASH_ON_DELIVERY';
INSERT INTO cod_collections ("storeId", id, "orderId", "shipmentId", carrier, "trackingNumber", amount, currency, "deliveredAt", "collectedAt", "collectedAmount", outstanding)
SELECT sh."storeId", md5('cod' || sh.id)::uuid, sh."orderId", sh.id, sh.carrier, sh."trackingNumber", sh."codAmount", 'SAR', sh."deliveredAt", sh."deliveredAt", sh."codAmount", sh."codAmount"
FROM shipments sh WHERE sh."codAmount" > 0 AND sh.status = 'DELIVERED' AND sh."deliveredAt" IS NOT NULL;
-- Paid out: the weeks that began more than sixteen days ago, as a cut-off in time (a sharded database
-- updates no row by a time-zone-dependent function of its columns).
CREATE TEMP TABLE bench_cod AS
SELECT c."storeId", c.id, c."orderId", c.carrier, c."trackingNumber", c.amount, date_trunc('week', c."deliveredAt") AS week,
       c.amount - CASE WHEN abs(hashtext(c.id::text)) % 50 = 0 THEN 1000 ELSE 0 END AS paid
FROM cod_collections c WHERE c."deliveredAt" < (date_trunc('week', now() - interval '16 days') + interval '7 days')::timestamp;
INSERT INTO cod_statements ("storeId", id, carrier, reference, "statedTotal", currency, "lineCount", "matchedCount", "mismatchCount", "paidOn", source, "createdByName", "createdAt")
SELECT "storeId", md5('codst' || "storeId" || carrier || week)::uuid, carrier, upper(carrier) || '-' || to_char(week, 'YYYYMMDD'), sum(paid), 'SAR',
       count(*), count(*) FILTER (WHERE paid = amount), count(*) FILTER (WHERE paid <> amount), (week + interval '16 days')::date, 'carrier', 'Bench', week + interval '16 days'
FROM bench_cod GROUP BY "storeId", carrier, week;
INSERT INTO cod_entries ("storeId", id, carrier, kind, amount, "statementId", "lineNo", "trackingNumber", outcome, "collectionId", "orderId", "actorName", "createdAt")
SELECT "storeId", md5('codentry' || id)::uuid, carrier, 'REMITTANCE', paid, md5('codst' || "storeId" || carrier || week)::uuid,
       row_number() OVER (PARTITION BY "storeId", carrier, week ORDER BY id), "trackingNumber",
       CASE WHEN paid = amount THEN 'MATCHED' ELSE 'SHORT' END::"CodLineOutcome", id, "orderId", 'Bench', week + interval '16 days'
FROM bench_cod;
-- The same rule as bench_cod's, on the collections themselves (no local table joined, as above).
UPDATE cod_collections c
SET remitted = c.amount - CASE WHEN abs(hashtext(c.id::text)) % 50 = 0 THEN 1000 ELSE 0 END, remittances = 1,
    outstanding = CASE WHEN abs(hashtext(c.id::text)) % 50 = 0 THEN 1000 ELSE 0 END
WHERE c."deliveredAt" < (date_trunc('week', now() - interval '16 days') + interval '7 days')::timestamp;
