-- CreateEnum
CREATE TYPE "FileExportStatus" AS ENUM ('QUEUED', 'RUNNING', 'READY', 'FAILED');

-- CreateTable
CREATE TABLE "file_exports" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "locale" TEXT NOT NULL,
    "status" "FileExportStatus" NOT NULL DEFAULT 'QUEUED',
    "rows" INTEGER NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "file_exports_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateIndex
CREATE INDEX "file_exports_storeId_requestedById_createdAt_idx" ON "file_exports"("storeId", "requestedById", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "file_exports_expiresAt_idx" ON "file_exports"("expiresAt");

-- AddForeignKey
ALTER TABLE "file_exports" ADD CONSTRAINT "file_exports_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;
