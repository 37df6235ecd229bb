-- CreateEnum
CREATE TYPE "ShipmentStatus" AS ENUM ('PENDING', 'CREATED', 'PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'RETURNED', 'VOIDED', 'FAILED');

-- AlterTable
ALTER TABLE "shipments" ADD COLUMN     "actualGrams" INTEGER,
ADD COLUMN     "branchId" UUID,
ADD COLUMN     "chargeableGrams" INTEGER,
ADD COLUMN     "codAmount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "cost" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "currency" CHAR(3) NOT NULL DEFAULT 'SAR',
ADD COLUMN     "failureReason" TEXT,
ADD COLUMN     "handover" TEXT,
ADD COLUMN     "packages" JSONB,
ADD COLUMN     "pickupAt" TIMESTAMP(3),
ADD COLUMN     "status" "ShipmentStatus" NOT NULL DEFAULT 'CREATED',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "carrier_sim_shipments" (
    "carrier" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "accountNumber" TEXT,
    "status" TEXT NOT NULL,
    "handover" TEXT NOT NULL,
    "codAmount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "carrier_sim_shipments_pkey" PRIMARY KEY ("carrier","reference")
);

-- CreateIndex
CREATE UNIQUE INDEX "carrier_sim_shipments_trackingNumber_key" ON "carrier_sim_shipments"("trackingNumber");

-- CreateIndex
CREATE INDEX "shipments_carrier_trackingNumber_idx" ON "shipments"("carrier", "trackingNumber");

-- CreateIndex
CREATE INDEX "shipments_status_createdAt_idx" ON "shipments"("status", "createdAt");
