-- The order counter leaves stores, and stores' two enum columns become text with a CHECK.
-- On a cluster stores is a reference table, copied to every node: a counter written by every order would make
-- every order a write to every node, and Citus refuses the enum-to-text cast Prisma writes in RETURNING when it
-- writes a reference table. The counter moves to a table of its own, distributed by the store like its orders.

-- CreateTable
CREATE TABLE "store_order_counters" (
    "storeId" UUID NOT NULL,
    "nextNumber" INTEGER NOT NULL DEFAULT 1001,

    CONSTRAINT "store_order_counters_pkey" PRIMARY KEY ("storeId")
);

-- AddForeignKey
ALTER TABLE "store_order_counters" ADD CONSTRAINT "store_order_counters_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- Every store keeps its next number.
INSERT INTO "store_order_counters" ("storeId", "nextNumber") SELECT id, "nextOrderNumber" FROM "stores";

-- AlterTable: the same values, as text.
ALTER TABLE "stores" DROP COLUMN "nextOrderNumber",
  ALTER COLUMN "smsMode" DROP DEFAULT,
  ALTER COLUMN "smsMode" SET DATA TYPE TEXT USING "smsMode"::text,
  ALTER COLUMN "smsMode" SET DEFAULT 'PLATFORM',
  ADD CONSTRAINT "stores_smsMode_check" CHECK ("smsMode" IN ('PLATFORM', 'OWN_PROVIDER', 'OFF')),
  ALTER COLUMN "messagingChannel" DROP DEFAULT,
  ALTER COLUMN "messagingChannel" SET DATA TYPE TEXT USING "messagingChannel"::text,
  ALTER COLUMN "messagingChannel" SET DEFAULT 'SMS',
  ADD CONSTRAINT "stores_messagingChannel_check" CHECK ("messagingChannel" IN ('SMS', 'WHATSAPP', 'WHATSAPP_THEN_SMS'));

-- DropEnum
DROP TYPE "SmsMode";
