-- CreateEnum
CREATE TYPE "ConfirmationState" AS ENUM ('AWAITING', 'CONFIRMED', 'DECLINED', 'UNANSWERED');

-- CreateEnum
CREATE TYPE "MessageChannel" AS ENUM ('SMS', 'WHATSAPP');

-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "confirmationSettings" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "confirmation" "ConfirmationState",
ADD COLUMN     "confirmationDueAt" TIMESTAMP(3),
ADD COLUMN     "confirmationRemindedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "inbound_messages" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "from" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "providerSid" TEXT NOT NULL,
    "customerId" UUID,
    "orderId" UUID,
    "intent" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbound_messages_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateIndex
CREATE INDEX "inbound_messages_storeId_receivedAt_id_idx" ON "inbound_messages"("storeId", "receivedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "inbound_messages_storeId_orderId_idx" ON "inbound_messages"("storeId", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "inbound_messages_storeId_providerSid_key" ON "inbound_messages"("storeId", "providerSid");

-- CreateIndex
CREATE INDEX "sms_messages_to_createdAt_idx" ON "sms_messages"("to", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_storeId_customerId_fkey" FOREIGN KEY ("storeId", "customerId") REFERENCES "customers"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "orders_awaiting_confirmation" ON "orders"("storeId", "placedAt" DESC, "id" DESC) WHERE ("confirmationDueAt" IS NOT NULL);
