-- CreateTable
CREATE TABLE "order_views" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" UUID,
    "createdById" UUID NOT NULL,
    "query" JSONB NOT NULL,
    "columns" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_views_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "order_views_storeId_ownerId_name_key" ON "order_views"("storeId", "ownerId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "order_views_shared_name" ON "order_views"("storeId", "name") WHERE ("ownerId" IS NULL);

-- CreateIndex
CREATE INDEX "orders_storeId_total_id_idx" ON "orders"("storeId", "total" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "order_views" ADD CONSTRAINT "order_views_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_views" ADD CONSTRAINT "order_views_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
