-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "adminsMayTopUp" BOOLEAN NOT NULL DEFAULT false;
