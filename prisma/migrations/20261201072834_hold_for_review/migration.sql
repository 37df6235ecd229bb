-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "heldAt" TIMESTAMP(3);
