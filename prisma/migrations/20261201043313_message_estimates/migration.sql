-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "messagePrices" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "sms_messages" ADD COLUMN     "estimateMicros" INTEGER;
