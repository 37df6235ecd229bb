-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "riskBand" TEXT,
ADD COLUMN     "riskReasons" JSONB,
ADD COLUMN     "riskScore" INTEGER;
