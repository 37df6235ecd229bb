-- CreateTable
CREATE TABLE "store_invitations" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "onlyAssignedOrders" BOOLEAN NOT NULL DEFAULT false,
    "tokenHash" TEXT NOT NULL,
    "invitedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" UUID,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "store_invitations_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateTable
CREATE TABLE "audit_entries" (
    "storeId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "address" TEXT,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("storeId","id")
);

-- CreateIndex
CREATE INDEX "store_invitations_storeId_createdAt_idx" ON "store_invitations"("storeId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "store_invitations_storeId_tokenHash_key" ON "store_invitations"("storeId", "tokenHash");

-- CreateIndex
CREATE INDEX "audit_entries_storeId_at_id_idx" ON "audit_entries"("storeId", "at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "store_invitations" ADD CONSTRAINT "store_invitations_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_invitations" ADD CONSTRAINT "store_invitations_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One open invitation per address and store: inviting again refreshes it.
CREATE UNIQUE INDEX "store_invitations_open_email_key" ON "store_invitations"("storeId", "email") WHERE "acceptedAt" IS NULL AND "revokedAt" IS NULL;

-- A store has at most one owner; a transfer of ownership demotes the owner before it promotes the next one, in one transaction.
CREATE UNIQUE INDEX "memberships_one_owner_key" ON "memberships"("storeId") WHERE "role" = 'OWNER';
