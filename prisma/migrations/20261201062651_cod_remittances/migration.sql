-- CreateEnum
CREATE TYPE "CodEntryKind" AS ENUM ('REMITTANCE', 'REVERSAL', 'SETTLEMENT');

-- CreateEnum
CREATE TYPE "CodLineOutcome" AS ENUM ('MATCHED', 'SHORT', 'OVER', 'PAID_TWICE', 'UNKNOWN', 'REFUSED', 'UNEXPECTED');

-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "codStatementColumns" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "carrier_sim_shipments" ADD COLUMN     "remittedIn" TEXT,
ADD COLUMN     "shipper" TEXT;

-- CreateTable
CREATE TABLE "carrier_sim_statements" (
    "carrier" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "shipper" TEXT NOT NULL,
    "paidOn" DATE NOT NULL,
    "total" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "lines" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "carrier_sim_statements_pkey" PRIMARY KEY ("carrier","reference")
);

-- CreateTable
CREATE TABLE "cod_collections" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "shipmentId" UUID NOT NULL,
    "carrier" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "deliveredAt" TIMESTAMP(3) NOT NULL,
    "collectedAt" TIMESTAMP(3),
    "collectedAmount" INTEGER,
    "remitted" INTEGER NOT NULL DEFAULT 0,
    "remittances" INTEGER NOT NULL DEFAULT 0,
    "settled" INTEGER NOT NULL DEFAULT 0,
    "outstanding" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cod_collections_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateTable
CREATE TABLE "cod_statements" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "carrier" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "statedTotal" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "matchedCount" INTEGER NOT NULL,
    "mismatchCount" INTEGER NOT NULL,
    "paidOn" DATE,
    "source" TEXT NOT NULL,
    "fileName" TEXT,
    "createdById" UUID,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reversedAt" TIMESTAMP(3),
    "reversedByName" TEXT,
    "reversalNote" TEXT,

    CONSTRAINT "cod_statements_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateTable
CREATE TABLE "cod_entries" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "carrier" TEXT NOT NULL,
    "kind" "CodEntryKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "statementId" UUID,
    "lineNo" INTEGER,
    "trackingNumber" TEXT,
    "outcome" "CodLineOutcome",
    "collectionId" UUID,
    "orderId" UUID,
    "reversesId" UUID,
    "settlesId" UUID,
    "note" TEXT,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cod_entries_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateIndex
CREATE INDEX "carrier_sim_statements_carrier_shipper_createdAt_idx" ON "carrier_sim_statements"("carrier", "shipper", "createdAt");

-- CreateIndex
CREATE INDEX "cod_collections_storeId_trackingNumber_idx" ON "cod_collections"("storeId", "trackingNumber");

-- CreateIndex
CREATE INDEX "cod_collections_storeId_orderId_idx" ON "cod_collections"("storeId", "orderId");

-- CreateIndex
CREATE INDEX "cod_collections_storeId_deliveredAt_idx" ON "cod_collections"("storeId", "deliveredAt");

-- CreateIndex
CREATE INDEX "cod_collections_open" ON "cod_collections"("storeId", "carrier", "deliveredAt") WHERE (outstanding <> 0);

-- CreateIndex
CREATE UNIQUE INDEX "cod_collections_storeId_shipmentId_key" ON "cod_collections"("storeId", "shipmentId");

-- CreateIndex
CREATE INDEX "cod_statements_storeId_createdAt_id_idx" ON "cod_statements"("storeId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "cod_statements_live_reference" ON "cod_statements"("storeId", "carrier", "reference") WHERE ("reversedAt" IS NULL);

-- CreateIndex
CREATE INDEX "cod_entries_storeId_statementId_lineNo_idx" ON "cod_entries"("storeId", "statementId", "lineNo");

-- CreateIndex
CREATE INDEX "cod_entries_storeId_collectionId_idx" ON "cod_entries"("storeId", "collectionId");

-- CreateIndex
CREATE INDEX "cod_entries_storeId_createdAt_idx" ON "cod_entries"("storeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "cod_entries_storeId_reversesId_key" ON "cod_entries"("storeId", "reversesId");

-- CreateIndex
CREATE UNIQUE INDEX "cod_entries_storeId_settlesId_key" ON "cod_entries"("storeId", "settlesId");

-- AddForeignKey
ALTER TABLE "cod_collections" ADD CONSTRAINT "cod_collections_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cod_collections" ADD CONSTRAINT "cod_collections_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cod_collections" ADD CONSTRAINT "cod_collections_storeId_shipmentId_fkey" FOREIGN KEY ("storeId", "shipmentId") REFERENCES "shipments"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cod_statements" ADD CONSTRAINT "cod_statements_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cod_entries" ADD CONSTRAINT "cod_entries_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cod_entries" ADD CONSTRAINT "cod_entries_storeId_statementId_fkey" FOREIGN KEY ("storeId", "statementId") REFERENCES "cod_statements"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cod_entries" ADD CONSTRAINT "cod_entries_storeId_collectionId_fkey" FOREIGN KEY ("storeId", "collectionId") REFERENCES "cod_collections"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
