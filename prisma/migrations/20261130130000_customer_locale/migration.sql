-- AlterTable: the language a customer reads (their SMS and pages); null = the store's.
ALTER TABLE "customers" ADD COLUMN     "locale" TEXT;
ALTER TABLE "customers" ADD CONSTRAINT "customers_locale_check" CHECK ("locale" IS NULL OR "locale" IN ('ar', 'en'));
