-- CreateIndex
CREATE INDEX "sms_messages_storeId_createdAt_id_idx" ON "sms_messages"("storeId", "createdAt" DESC, "id" DESC);
