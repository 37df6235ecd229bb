-- CreateIndex
CREATE INDEX "inbound_messages_storeId_from_receivedAt_idx" ON "inbound_messages"("storeId", "from", "receivedAt" DESC);
