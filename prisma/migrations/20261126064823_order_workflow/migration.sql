-- CreateEnum
CREATE TYPE "SmsMode" AS ENUM ('PLATFORM', 'OWN_PROVIDER', 'OFF');

-- CreateEnum
CREATE TYPE "SmsStatus" AS ENUM ('PENDING', 'QUEUED', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'NOT_CONFIGURED');

-- CreateEnum
CREATE TYPE "ShipmentKind" AS ENUM ('MANUAL', 'CARRIER');

-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "smsMode" "SmsMode" NOT NULL DEFAULT 'PLATFORM',
ADD COLUMN     "smsSenderName" TEXT NOT NULL DEFAULT 'Tajer',
ADD COLUMN     "smsTemplates" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "webhookSecret" TEXT,
ADD COLUMN     "webhookUrl" TEXT;

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "onlyAssignedOrders" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "blockedAt" TIMESTAMP(3),
ADD COLUMN     "blockedById" UUID,
ADD COLUMN     "blockedReason" TEXT;

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "assigneeId" UUID,
ADD COLUMN     "refundedAmount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stockTaken" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "order_items" ADD COLUMN     "stockBranchId" UUID;

-- CreateTable
CREATE TABLE "shipments" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "kind" "ShipmentKind" NOT NULL,
    "carrier" TEXT,
    "courierName" TEXT NOT NULL,
    "courierPhone" TEXT,
    "trackingNumber" TEXT,
    "voidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shipments_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateTable
CREATE TABLE "sms_messages" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "orderId" UUID,
    "event" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "SmsStatus" NOT NULL DEFAULT 'PENDING',
    "providerSid" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sms_messages_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "storeId" UUID,
    "payload" JSONB NOT NULL,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 12,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "doneAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_comments" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "mentions" UUID[],
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_comments_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "orderId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateTable
CREATE TABLE "intake_refusals" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "email" TEXT,
    "total" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "intake_refusals_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateIndex
CREATE INDEX "shipments_storeId_orderId_idx" ON "shipments"("storeId", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "sms_messages_providerSid_key" ON "sms_messages"("providerSid");

-- CreateIndex
CREATE INDEX "sms_messages_storeId_orderId_idx" ON "sms_messages"("storeId", "orderId");

-- CreateIndex
CREATE INDEX "jobs_due" ON "jobs"("runAt") WHERE ("doneAt" IS NULL AND "failedAt" IS NULL);

-- CreateIndex
CREATE INDEX "order_comments_storeId_orderId_createdAt_idx" ON "order_comments"("storeId", "orderId", "createdAt");

-- CreateIndex
CREATE INDEX "notifications_storeId_userId_createdAt_idx" ON "notifications"("storeId", "userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "intake_refusals_storeId_createdAt_idx" ON "intake_refusals"("storeId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "customers_storeId_email_idx" ON "customers"("storeId", "email");

-- CreateIndex
CREATE INDEX "orders_storeId_assigneeId_placedAt_id_idx" ON "orders"("storeId", "assigneeId", "placedAt" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_comments" ADD CONSTRAINT "order_comments_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_comments" ADD CONSTRAINT "order_comments_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intake_refusals" ADD CONSTRAINT "intake_refusals_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intake_refusals" ADD CONSTRAINT "intake_refusals_storeId_customerId_fkey" FOREIGN KEY ("storeId", "customerId") REFERENCES "customers"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
