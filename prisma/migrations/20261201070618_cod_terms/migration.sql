-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "codTerms" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "codFee" INTEGER NOT NULL DEFAULT 0;
