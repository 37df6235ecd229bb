-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "staffRefundLimit" INTEGER NOT NULL DEFAULT 0;
