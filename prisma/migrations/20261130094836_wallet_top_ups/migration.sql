-- CreateEnum
CREATE TYPE "TopUpStatus" AS ENUM ('PENDING', 'PAID', 'EXPIRED');

-- CreateTable
CREATE TABLE "wallet_top_ups" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "TopUpStatus" NOT NULL DEFAULT 'PENDING',
    "provider" TEXT NOT NULL,
    "providerInvoiceId" TEXT,
    "checkoutUrl" TEXT,
    "lastError" TEXT,
    "createdById" UUID,
    "actorName" TEXT,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "wallet_top_ups_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateTable
CREATE TABLE "payment_sim_invoices" (
    "id" UUID NOT NULL,
    "accountKey" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "description" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "callbackUrl" TEXT,
    "successUrl" TEXT,
    "backUrl" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "payments" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "payment_sim_invoices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "wallet_top_ups_storeId_createdAt_idx" ON "wallet_top_ups"("storeId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "wallet_top_ups_status_createdAt_idx" ON "wallet_top_ups"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "wallet_top_ups" ADD CONSTRAINT "wallet_top_ups_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;
