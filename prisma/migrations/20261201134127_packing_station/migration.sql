-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "lateDigestOn" TEXT,
ADD COLUMN     "lateRules" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "packingSettings" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "lateNotifiedFor" TEXT;

-- AlterTable
ALTER TABLE "stock_levels" ADD COLUMN     "bin" TEXT;

-- CreateTable
CREATE TABLE "variant_barcodes" (
    "storeId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "variantId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "variant_barcodes_pkey" PRIMARY KEY ("storeId","code")
);

-- CreateTable
CREATE TABLE "order_packs" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "packedById" UUID,
    "scannedUnits" INTEGER NOT NULL,
    "totalUnits" INTEGER NOT NULL,
    "refusedScans" INTEGER NOT NULL,
    "scans" JSONB NOT NULL,
    "boxPresetId" UUID,
    "lengthMm" INTEGER,
    "widthMm" INTEGER,
    "heightMm" INTEGER,
    "weightGrams" INTEGER,
    "photoKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_packs_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateIndex
CREATE INDEX "variant_barcodes_storeId_variantId_idx" ON "variant_barcodes"("storeId", "variantId");

-- CreateIndex
CREATE INDEX "order_packs_storeId_orderId_createdAt_idx" ON "order_packs"("storeId", "orderId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "variant_barcodes" ADD CONSTRAINT "variant_barcodes_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "variant_barcodes" ADD CONSTRAINT "variant_barcodes_storeId_variantId_fkey" FOREIGN KEY ("storeId", "variantId") REFERENCES "product_variants"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_packs" ADD CONSTRAINT "order_packs_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_packs" ADD CONSTRAINT "order_packs_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_packs" ADD CONSTRAINT "order_packs_packedById_fkey" FOREIGN KEY ("packedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "orders_in_progress_queue" ON "orders"("storeId", "inProgressAt", "id") WHERE (status = 'IN_PROGRESS');
