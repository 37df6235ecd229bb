-- Tokens that name their store. A customer's link token (orders."publicToken", review_requests.token) is
-- the store's id and 16 random bytes in base64url (43 characters): the page finds its row in that store, one
-- shard on a sharded database. Tokens made before (64 hex characters) stay valid and are found by the token
-- alone. The column default cannot read the row's store, so it is NULL and a trigger makes the token.
CREATE OR REPLACE FUNCTION tajer_store_token(store uuid) RETURNS text LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT CASE WHEN store IS NULL THEN NULL
    ELSE translate(rtrim(encode(uuid_send(store) || uuid_send(gen_random_uuid()), 'base64'), '='), '+/', '-_') END
$$;

CREATE FUNCTION tajer_orders_public_token() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."publicToken" IS NULL THEN NEW."publicToken" := tajer_store_token(NEW."storeId"); END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER orders_public_token BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION tajer_orders_public_token();

CREATE FUNCTION tajer_review_requests_token() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.token IS NULL THEN NEW.token := tajer_store_token(NEW."storeId"); END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER review_requests_token BEFORE INSERT ON review_requests FOR EACH ROW EXECUTE FUNCTION tajer_review_requests_token();

-- DropIndex
DROP INDEX "orders_publicToken_key";

-- DropIndex
DROP INDEX "api_tokens_tokenHash_key";

-- DropIndex
DROP INDEX "review_requests_token_key";

-- AlterTable
ALTER TABLE "orders" ALTER COLUMN "publicToken" SET DEFAULT tajer_store_token(NULL::uuid);

-- AlterTable
ALTER TABLE "review_requests" ALTER COLUMN "token" SET DEFAULT tajer_store_token(NULL::uuid);

-- CreateIndex
CREATE INDEX "orders_publicToken_idx" ON "orders"("publicToken");

-- CreateIndex
CREATE UNIQUE INDEX "orders_storeId_publicToken_key" ON "orders"("storeId", "publicToken");

-- CreateIndex
CREATE INDEX "api_tokens_tokenHash_idx" ON "api_tokens"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_storeId_tokenHash_key" ON "api_tokens"("storeId", "tokenHash");

-- CreateIndex
CREATE INDEX "review_requests_token_idx" ON "review_requests"("token");

-- CreateIndex
CREATE UNIQUE INDEX "review_requests_storeId_token_key" ON "review_requests"("storeId", "token");
