-- CreateEnum
CREATE TYPE "ReviewRequestStatus" AS ENUM ('SCHEDULED', 'SENT', 'CANCELED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('PRODUCT', 'EXPERIENCE', 'CARRIER');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('PENDING', 'PUBLISHED', 'HIDDEN');

-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "reviewSettings" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "publicToken" TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');

-- CreateTable
CREATE TABLE "review_requests" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "token" TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
    "status" "ReviewRequestStatus" NOT NULL DEFAULT 'SCHEDULED',
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "reason" TEXT,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_requests_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateTable
CREATE TABLE "reviews" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "kind" "ReviewKind" NOT NULL,
    "productId" UUID,
    "subject" TEXT NOT NULL,
    "carrier" TEXT,
    "rating" INTEGER NOT NULL,
    "body" TEXT,
    "status" "ReviewStatus" NOT NULL DEFAULT 'PENDING',
    "authorName" TEXT NOT NULL,
    "reply" TEXT,
    "repliedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateTable
CREATE TABLE "review_photos" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_photos_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateTable
CREATE TABLE "discount_codes" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "customerId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "minOrder" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedOrderTotal" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "discount_codes_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "review_requests_token_key" ON "review_requests"("token");

-- CreateIndex
CREATE INDEX "review_requests_status_scheduledFor_idx" ON "review_requests"("status", "scheduledFor");

-- CreateIndex
CREATE UNIQUE INDEX "review_requests_storeId_orderId_key" ON "review_requests"("storeId", "orderId");

-- CreateIndex
CREATE INDEX "reviews_storeId_status_publishedAt_id_idx" ON "reviews"("storeId", "status", "publishedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "reviews_storeId_productId_status_idx" ON "reviews"("storeId", "productId", "status");

-- CreateIndex
CREATE INDEX "reviews_storeId_requestId_idx" ON "reviews"("storeId", "requestId");

-- CreateIndex
CREATE INDEX "review_photos_storeId_reviewId_idx" ON "review_photos"("storeId", "reviewId");

-- CreateIndex
CREATE INDEX "discount_codes_storeId_createdAt_idx" ON "discount_codes"("storeId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "discount_codes_storeId_code_key" ON "discount_codes"("storeId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "discount_codes_storeId_requestId_key" ON "discount_codes"("storeId", "requestId");

-- CreateIndex
CREATE UNIQUE INDEX "orders_publicToken_key" ON "orders"("publicToken");

-- AddForeignKey
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_storeId_requestId_fkey" FOREIGN KEY ("storeId", "requestId") REFERENCES "review_requests"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_photos" ADD CONSTRAINT "review_photos_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_photos" ADD CONSTRAINT "review_photos_storeId_reviewId_fkey" FOREIGN KEY ("storeId", "reviewId") REFERENCES "reviews"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_storeId_requestId_fkey" FOREIGN KEY ("storeId", "requestId") REFERENCES "review_requests"("storeId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Ratings are 1 to 5 stars; a discount is a positive amount or 1–100 percent.
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_rating_range" CHECK ("rating" BETWEEN 1 AND 5);
ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_value_range" CHECK ("value" > 0 AND ("kind" <> 'percent' OR "value" <= 100) AND "kind" IN ('percent', 'fixed'));
