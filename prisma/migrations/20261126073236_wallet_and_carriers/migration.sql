-- CreateEnum
CREATE TYPE "WalletEntryKind" AS ENUM ('TOP_UP', 'LABEL', 'REFUND', 'ADJUSTMENT');

-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "carriersUpdateStatus" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "wallets" (
    "storeId" UUID NOT NULL,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL DEFAULT 'SAR',
    "lowBalanceThreshold" INTEGER NOT NULL DEFAULT 5000,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "wallets_pkey" PRIMARY KEY ("storeId")
);

-- CreateTable
CREATE TABLE "wallet_entries" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" "WalletEntryKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "balanceAfter" INTEGER NOT NULL,
    "orderId" UUID,
    "shipmentId" UUID,
    "reference" TEXT,
    "actorName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wallet_entries_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateTable
CREATE TABLE "carrier_accounts" (
    "storeId" UUID NOT NULL,
    "carrier" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "accountNumber" TEXT,
    "firstKg" INTEGER NOT NULL,
    "perAdditionalKg" INTEGER NOT NULL,
    "codFee" INTEGER NOT NULL,
    "volumetricDivisor" INTEGER NOT NULL,
    "weightStepGrams" INTEGER NOT NULL,

    CONSTRAINT "carrier_accounts_pkey" PRIMARY KEY ("storeId","carrier")
);

-- CreateTable
CREATE TABLE "manual_couriers" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "manual_couriers_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateTable
CREATE TABLE "box_presets" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "lengthMm" INTEGER NOT NULL,
    "widthMm" INTEGER NOT NULL,
    "heightMm" INTEGER NOT NULL,

    CONSTRAINT "box_presets_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateIndex
CREATE INDEX "wallet_entries_storeId_createdAt_id_idx" ON "wallet_entries"("storeId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "wallet_entries_storeId_shipmentId_idx" ON "wallet_entries"("storeId", "shipmentId");

-- AddForeignKey
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "carrier_accounts" ADD CONSTRAINT "carrier_accounts_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manual_couriers" ADD CONSTRAINT "manual_couriers_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "box_presets" ADD CONSTRAINT "box_presets_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A wallet never goes below zero: a debit the balance does not cover fails instead.
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_balance_not_negative" CHECK ("balance" >= 0);
