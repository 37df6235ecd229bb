-- DropIndex
DROP INDEX "sms_messages_providerSid_key";

-- CreateIndex
CREATE INDEX "sms_messages_providerSid_idx" ON "sms_messages"("providerSid");

-- CreateIndex
CREATE UNIQUE INDEX "sms_messages_storeId_providerSid_key" ON "sms_messages"("storeId", "providerSid");
