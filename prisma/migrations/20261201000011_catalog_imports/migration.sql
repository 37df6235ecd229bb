-- CreateEnum
CREATE TYPE "CatalogImportStatus" AS ENUM ('PREVIEW', 'APPLIED', 'DISCARDED');

-- CreateTable
CREATE TABLE "catalog_imports" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "CatalogImportStatus" NOT NULL DEFAULT 'PREVIEW',
    "rowCount" INTEGER NOT NULL,
    "plan" JSONB NOT NULL,
    "problems" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),
    "appliedById" UUID,

    CONSTRAINT "catalog_imports_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateIndex
CREATE INDEX "catalog_imports_createdAt_idx" ON "catalog_imports"("createdAt");

-- CreateIndex
CREATE INDEX "products_storeId_createdAt_id_idx" ON "products"("storeId", "createdAt" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "catalog_imports" ADD CONSTRAINT "catalog_imports_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;
