-- CreateEnum
CREATE TYPE "MessagingChannel" AS ENUM ('SMS', 'WHATSAPP', 'WHATSAPP_THEN_SMS');

-- AlterEnum
ALTER TYPE "SmsStatus" ADD VALUE 'READ';

-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "messagingChannel" "MessagingChannel" NOT NULL DEFAULT 'SMS',
ADD COLUMN     "whatsappFallbackMinutes" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "sms_messages" ADD COLUMN     "channel" "MessageChannel" NOT NULL DEFAULT 'SMS',
ADD COLUMN     "contentSid" TEXT,
ADD COLUMN     "contentVariables" JSONB,
ADD COLUMN     "fallbackId" UUID,
ADD COLUMN     "priceMicros" INTEGER,
ADD COLUMN     "priceUnit" TEXT,
ADD COLUMN     "segments" INTEGER;
