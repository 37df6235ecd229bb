-- AlterEnum
ALTER TYPE "ShipmentStatus" ADD VALUE 'VOIDING';

-- AlterTable
ALTER TABLE "shipments" ADD COLUMN     "billing" TEXT NOT NULL DEFAULT 'platform',
ADD COLUMN     "voidReason" TEXT;

-- Before this index, racing label requests could leave several live labels on one order, the extra
-- ones debited and never settled. Each extra one (all but the first issued) is closed as failed and its
-- debit refunded with a ledger entry, so the index can hold and no riyal stays lost. (A label the
-- carrier did create stays unused at the carrier: nothing can ask it from here.)
DO $$
DECLARE
  extra record;
  new_balance integer;
BEGIN
  FOR extra IN
    SELECT s."storeId", s.id, s."orderId", s.cost FROM (
      SELECT sh."storeId", sh.id, sh."orderId", sh.cost, sh."createdAt",
        row_number() OVER (PARTITION BY sh."storeId", sh."orderId" ORDER BY (sh.status = 'PENDING'), sh."createdAt", sh.id) AS n
      FROM shipments sh WHERE sh.kind = 'CARRIER' AND sh.status NOT IN ('FAILED', 'VOIDED')
    ) s WHERE s.n > 1 ORDER BY s."storeId", s."createdAt", s.id
  LOOP
    UPDATE shipments SET status = 'FAILED', "failureReason" = 'a second label for the same order: closed and refunded', "updatedAt" = now()
      WHERE "storeId" = extra."storeId" AND id = extra.id;
    IF extra.cost > 0
      AND EXISTS (SELECT 1 FROM wallet_entries e WHERE e."storeId" = extra."storeId" AND e."shipmentId" = extra.id AND e.kind = 'LABEL')
      AND NOT EXISTS (SELECT 1 FROM wallet_entries e WHERE e."storeId" = extra."storeId" AND e."shipmentId" = extra.id AND e.kind = 'REFUND') THEN
      UPDATE wallets SET balance = balance + extra.cost, "updatedAt" = now() WHERE "storeId" = extra."storeId" RETURNING balance INTO new_balance;
      INSERT INTO wallet_entries ("storeId", id, kind, amount, "balanceAfter", "orderId", "shipmentId", reference, "actorName", "createdAt")
        VALUES (extra."storeId", gen_random_uuid(), 'REFUND', extra.cost, new_balance, extra."orderId", extra.id, 'Duplicate label refunded', 'Tajer', now());
    END IF;
  END LOOP;
END $$;

-- CreateIndex
CREATE UNIQUE INDEX "shipments_one_live_label" ON "shipments"("storeId", "orderId") WHERE (kind = 'CARRIER' AND status NOT IN ('FAILED', 'VOIDED'));
