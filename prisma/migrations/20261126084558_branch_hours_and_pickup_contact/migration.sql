-- AlterTable
ALTER TABLE "branches" ADD COLUMN     "pickupContactName" TEXT,
ADD COLUMN     "pickupContactPhone" TEXT,
ADD COLUMN     "workingHours" JSONB NOT NULL DEFAULT '{}';
