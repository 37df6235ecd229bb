-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "riskSettings" JSONB NOT NULL DEFAULT '{}';
