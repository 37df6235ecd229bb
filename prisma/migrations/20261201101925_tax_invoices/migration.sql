-- CreateEnum
CREATE TYPE "InvoiceTiming" AS ENUM ('ON_PLACING', 'ON_DELIVERY', 'BY_HAND');

-- CreateEnum
CREATE TYPE "TaxDocumentKind" AS ENUM ('INVOICE', 'CREDIT_NOTE', 'DEBIT_NOTE');

-- CreateEnum
CREATE TYPE "TaxReportStatus" AS ENUM ('NOT_REQUIRED', 'PENDING', 'REPORTED', 'REPORTED_WITH_WARNINGS', 'REJECTED');

-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "nationalAddressRule" TEXT NOT NULL DEFAULT 'warn';

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "additionalNumber" TEXT,
ADD COLUMN     "buildingNumber" TEXT,
ADD COLUMN     "shortAddress" TEXT;

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "shippingAdditionalNumber" TEXT,
ADD COLUMN     "shippingBuildingNumber" TEXT,
ADD COLUMN     "shippingShortAddress" TEXT;

-- CreateTable
CREATE TABLE "tax_profiles" (
    "storeId" UUID NOT NULL,
    "vatRegistered" BOOLEAN NOT NULL DEFAULT false,
    "legalNameAr" TEXT NOT NULL DEFAULT '',
    "legalNameEn" TEXT NOT NULL DEFAULT '',
    "vatNumber" TEXT,
    "crNumber" TEXT,
    "buildingNumber" TEXT,
    "street" TEXT,
    "district" TEXT,
    "city" TEXT,
    "postalCode" TEXT,
    "additionalNumber" TEXT,
    "shortAddress" TEXT,
    "vatRateBp" INTEGER NOT NULL DEFAULT 1500,
    "pricesIncludeVat" BOOLEAN NOT NULL DEFAULT true,
    "issueOn" "InvoiceTiming" NOT NULL DEFAULT 'ON_DELIVERY',
    "invoicePrefix" TEXT NOT NULL DEFAULT 'INV-',
    "creditNotePrefix" TEXT NOT NULL DEFAULT 'CN-',
    "debitNotePrefix" TEXT NOT NULL DEFAULT 'DN-',
    "invoiceCount" INTEGER NOT NULL DEFAULT 0,
    "creditNoteCount" INTEGER NOT NULL DEFAULT 0,
    "debitNoteCount" INTEGER NOT NULL DEFAULT 0,
    "lastIcv" INTEGER NOT NULL DEFAULT 0,
    "lastHash" TEXT,
    "publicKey" TEXT,
    "privateKeyEnc" TEXT,
    "certificateSignature" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tax_profiles_pkey" PRIMARY KEY ("storeId")
);

-- CreateTable
CREATE TABLE "tax_documents" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "kind" "TaxDocumentKind" NOT NULL,
    "number" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "icv" INTEGER NOT NULL,
    "uuid" UUID NOT NULL,
    "invoiceId" UUID,
    "reason" TEXT,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "vatRegistered" BOOLEAN NOT NULL,
    "vatRateBp" INTEGER NOT NULL,
    "lines" JSONB NOT NULL,
    "netTotal" INTEGER NOT NULL,
    "vatTotal" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "paymentMethod" "PaymentMethod" NOT NULL,
    "seller" JSONB NOT NULL,
    "buyer" JSONB NOT NULL,
    "xml" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "previousHash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "qr" TEXT NOT NULL,
    "reportStatus" "TaxReportStatus" NOT NULL,
    "reportAttempts" INTEGER NOT NULL DEFAULT 0,
    "reportedAt" TIMESTAMP(3),
    "reportMessages" JSONB NOT NULL DEFAULT '[]',
    "actorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tax_documents_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateTable
CREATE TABLE "zatca_sim_documents" (
    "id" BIGSERIAL NOT NULL,
    "vatNumber" TEXT NOT NULL,
    "uuid" UUID NOT NULL,
    "icv" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "zatca_sim_documents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tax_documents_storeId_orderId_idx" ON "tax_documents"("storeId", "orderId");

-- CreateIndex
CREATE INDEX "tax_documents_storeId_reportStatus_issuedAt_idx" ON "tax_documents"("storeId", "reportStatus", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "tax_documents_storeId_icv_key" ON "tax_documents"("storeId", "icv");

-- CreateIndex
CREATE UNIQUE INDEX "tax_documents_storeId_kind_sequence_key" ON "tax_documents"("storeId", "kind", "sequence");

-- CreateIndex
CREATE INDEX "zatca_sim_documents_vatNumber_icv_idx" ON "zatca_sim_documents"("vatNumber", "icv");

-- CreateIndex
CREATE UNIQUE INDEX "zatca_sim_documents_vatNumber_uuid_key" ON "zatca_sim_documents"("vatNumber", "uuid");

-- AddForeignKey
ALTER TABLE "tax_profiles" ADD CONSTRAINT "tax_profiles_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tax_documents" ADD CONSTRAINT "tax_documents_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tax_documents" ADD CONSTRAINT "tax_documents_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tax_documents" ADD CONSTRAINT "tax_documents_storeId_invoiceId_fkey" FOREIGN KEY ("storeId", "invoiceId") REFERENCES "tax_documents"("storeId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An issued document never changes: its number, counter, hash, signature, XML and amounts stay as
-- issued. Only its reporting to the tax authority moves on. (Rows still go when their store goes.)
CREATE FUNCTION tax_documents_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."storeId", NEW.id, NEW."orderId", NEW.kind, NEW.number, NEW.sequence, NEW.icv, NEW.uuid, NEW."invoiceId", NEW.reason,
      NEW."issuedAt", NEW.currency, NEW."vatRegistered", NEW."vatRateBp", NEW.lines, NEW."netTotal", NEW."vatTotal", NEW.total,
      NEW."paymentMethod", NEW.seller, NEW.buyer, NEW.xml, NEW.hash, NEW."previousHash", NEW.signature, NEW.qr, NEW."actorName")
     IS DISTINCT FROM
     (OLD."storeId", OLD.id, OLD."orderId", OLD.kind, OLD.number, OLD.sequence, OLD.icv, OLD.uuid, OLD."invoiceId", OLD.reason,
      OLD."issuedAt", OLD.currency, OLD."vatRegistered", OLD."vatRateBp", OLD.lines, OLD."netTotal", OLD."vatTotal", OLD.total,
      OLD."paymentMethod", OLD.seller, OLD.buyer, OLD.xml, OLD.hash, OLD."previousHash", OLD.signature, OLD.qr, OLD."actorName") THEN
    RAISE EXCEPTION 'an issued tax document does not change';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER tax_documents_immutable BEFORE UPDATE ON "tax_documents"
  FOR EACH ROW EXECUTE FUNCTION tax_documents_are_immutable();

ALTER TABLE "orders" ADD COLUMN "vatRateBp" INTEGER, ADD COLUMN "pricesIncludeVat" BOOLEAN;

ALTER TABLE "stores" ADD CONSTRAINT "stores_national_address_rule" CHECK ("nationalAddressRule" IN ('warn', 'refuse'));
