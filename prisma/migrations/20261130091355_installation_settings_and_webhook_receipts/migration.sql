-- CreateTable
CREATE TABLE "installation_settings" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "installation_settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "webhook_receipts" (
    "source" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_receipts_pkey" PRIMARY KEY ("source","digest")
);

-- CreateIndex
CREATE INDEX "webhook_receipts_receivedAt_idx" ON "webhook_receipts"("receivedAt");
