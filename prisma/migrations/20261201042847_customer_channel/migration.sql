-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "messagingChannel" "MessagingChannel";
