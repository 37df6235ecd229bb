-- DropForeignKey
ALTER TABLE "email_tokens" DROP CONSTRAINT "email_tokens_userId_fkey";

-- DropForeignKey
ALTER TABLE "user_sessions" DROP CONSTRAINT "user_sessions_userId_fkey";

-- DropForeignKey
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_storeId_fkey";

-- DropForeignKey
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_userId_fkey";

-- DropForeignKey
ALTER TABLE "store_invitations" DROP CONSTRAINT "store_invitations_storeId_fkey";

-- DropForeignKey
ALTER TABLE "store_invitations" DROP CONSTRAINT "store_invitations_invitedById_fkey";

-- DropForeignKey
ALTER TABLE "audit_entries" DROP CONSTRAINT "audit_entries_storeId_fkey";

-- DropForeignKey
ALTER TABLE "store_daily_stats" DROP CONSTRAINT "store_daily_stats_storeId_fkey";

-- DropForeignKey
ALTER TABLE "store_daily_products" DROP CONSTRAINT "store_daily_products_storeId_fkey";

-- DropForeignKey
ALTER TABLE "carrier_daily_stats" DROP CONSTRAINT "carrier_daily_stats_storeId_fkey";

-- DropForeignKey
ALTER TABLE "order_views" DROP CONSTRAINT "order_views_storeId_fkey";

-- DropForeignKey
ALTER TABLE "order_views" DROP CONSTRAINT "order_views_ownerId_fkey";

-- DropForeignKey
ALTER TABLE "branches" DROP CONSTRAINT "branches_storeId_fkey";

-- DropForeignKey
ALTER TABLE "products" DROP CONSTRAINT "products_storeId_fkey";

-- DropForeignKey
ALTER TABLE "product_variants" DROP CONSTRAINT "product_variants_storeId_productId_fkey";

-- DropForeignKey
ALTER TABLE "stock_levels" DROP CONSTRAINT "stock_levels_storeId_variantId_fkey";

-- DropForeignKey
ALTER TABLE "stock_levels" DROP CONSTRAINT "stock_levels_storeId_branchId_fkey";

-- DropForeignKey
ALTER TABLE "variant_barcodes" DROP CONSTRAINT "variant_barcodes_storeId_fkey";

-- DropForeignKey
ALTER TABLE "variant_barcodes" DROP CONSTRAINT "variant_barcodes_storeId_variantId_fkey";

-- DropForeignKey
ALTER TABLE "order_packs" DROP CONSTRAINT "order_packs_storeId_fkey";

-- DropForeignKey
ALTER TABLE "order_packs" DROP CONSTRAINT "order_packs_storeId_orderId_fkey";

-- DropForeignKey
ALTER TABLE "order_packs" DROP CONSTRAINT "order_packs_packedById_fkey";

-- DropForeignKey
ALTER TABLE "file_exports" DROP CONSTRAINT "file_exports_storeId_fkey";

-- DropForeignKey
ALTER TABLE "catalog_imports" DROP CONSTRAINT "catalog_imports_storeId_fkey";

-- DropForeignKey
ALTER TABLE "customers" DROP CONSTRAINT "customers_storeId_fkey";

-- DropForeignKey
ALTER TABLE "orders" DROP CONSTRAINT "orders_storeId_fkey";

-- DropForeignKey
ALTER TABLE "orders" DROP CONSTRAINT "orders_storeId_customerId_fkey";

-- DropForeignKey
ALTER TABLE "orders" DROP CONSTRAINT "orders_storeId_branchId_fkey";

-- DropForeignKey
ALTER TABLE "orders" DROP CONSTRAINT "orders_assigneeId_fkey";

-- DropForeignKey
ALTER TABLE "order_items" DROP CONSTRAINT "order_items_storeId_orderId_fkey";

-- DropForeignKey
ALTER TABLE "order_items" DROP CONSTRAINT "order_items_storeId_variantId_fkey";

-- DropForeignKey
ALTER TABLE "order_events" DROP CONSTRAINT "order_events_storeId_orderId_fkey";

-- DropForeignKey
ALTER TABLE "tags" DROP CONSTRAINT "tags_storeId_fkey";

-- DropForeignKey
ALTER TABLE "order_tags" DROP CONSTRAINT "order_tags_storeId_orderId_fkey";

-- DropForeignKey
ALTER TABLE "order_tags" DROP CONSTRAINT "order_tags_storeId_tagId_fkey";

-- DropForeignKey
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_storeId_fkey";

-- DropForeignKey
ALTER TABLE "idempotency_keys" DROP CONSTRAINT "idempotency_keys_storeId_fkey";

-- DropForeignKey
ALTER TABLE "shipments" DROP CONSTRAINT "shipments_storeId_fkey";

-- DropForeignKey
ALTER TABLE "shipments" DROP CONSTRAINT "shipments_storeId_orderId_fkey";

-- DropForeignKey
ALTER TABLE "sms_messages" DROP CONSTRAINT "sms_messages_storeId_fkey";

-- DropForeignKey
ALTER TABLE "sms_messages" DROP CONSTRAINT "sms_messages_storeId_orderId_fkey";

-- DropForeignKey
ALTER TABLE "inbound_messages" DROP CONSTRAINT "inbound_messages_storeId_fkey";

-- DropForeignKey
ALTER TABLE "inbound_messages" DROP CONSTRAINT "inbound_messages_storeId_customerId_fkey";

-- DropForeignKey
ALTER TABLE "inbound_messages" DROP CONSTRAINT "inbound_messages_storeId_orderId_fkey";

-- DropForeignKey
ALTER TABLE "order_comments" DROP CONSTRAINT "order_comments_storeId_fkey";

-- DropForeignKey
ALTER TABLE "order_comments" DROP CONSTRAINT "order_comments_storeId_orderId_fkey";

-- DropForeignKey
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_storeId_fkey";

-- DropForeignKey
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_userId_fkey";

-- DropForeignKey
ALTER TABLE "intake_refusals" DROP CONSTRAINT "intake_refusals_storeId_fkey";

-- DropForeignKey
ALTER TABLE "intake_refusals" DROP CONSTRAINT "intake_refusals_storeId_customerId_fkey";

-- DropForeignKey
ALTER TABLE "wallets" DROP CONSTRAINT "wallets_storeId_fkey";

-- DropForeignKey
ALTER TABLE "wallet_entries" DROP CONSTRAINT "wallet_entries_storeId_fkey";

-- DropForeignKey
ALTER TABLE "carrier_accounts" DROP CONSTRAINT "carrier_accounts_storeId_fkey";

-- DropForeignKey
ALTER TABLE "manual_couriers" DROP CONSTRAINT "manual_couriers_storeId_fkey";

-- DropForeignKey
ALTER TABLE "box_presets" DROP CONSTRAINT "box_presets_storeId_fkey";

-- DropForeignKey
ALTER TABLE "review_requests" DROP CONSTRAINT "review_requests_storeId_fkey";

-- DropForeignKey
ALTER TABLE "review_requests" DROP CONSTRAINT "review_requests_storeId_orderId_fkey";

-- DropForeignKey
ALTER TABLE "reviews" DROP CONSTRAINT "reviews_storeId_fkey";

-- DropForeignKey
ALTER TABLE "reviews" DROP CONSTRAINT "reviews_storeId_requestId_fkey";

-- DropForeignKey
ALTER TABLE "review_photos" DROP CONSTRAINT "review_photos_storeId_fkey";

-- DropForeignKey
ALTER TABLE "review_photos" DROP CONSTRAINT "review_photos_storeId_reviewId_fkey";

-- DropForeignKey
ALTER TABLE "discount_codes" DROP CONSTRAINT "discount_codes_storeId_fkey";

-- DropForeignKey
ALTER TABLE "discount_codes" DROP CONSTRAINT "discount_codes_storeId_requestId_fkey";

-- DropForeignKey
ALTER TABLE "wallet_top_ups" DROP CONSTRAINT "wallet_top_ups_storeId_fkey";

-- DropForeignKey
ALTER TABLE "cod_collections" DROP CONSTRAINT "cod_collections_storeId_fkey";

-- DropForeignKey
ALTER TABLE "cod_collections" DROP CONSTRAINT "cod_collections_storeId_orderId_fkey";

-- DropForeignKey
ALTER TABLE "cod_collections" DROP CONSTRAINT "cod_collections_storeId_shipmentId_fkey";

-- DropForeignKey
ALTER TABLE "cod_statements" DROP CONSTRAINT "cod_statements_storeId_fkey";

-- DropForeignKey
ALTER TABLE "cod_entries" DROP CONSTRAINT "cod_entries_storeId_fkey";

-- DropForeignKey
ALTER TABLE "cod_entries" DROP CONSTRAINT "cod_entries_storeId_statementId_fkey";

-- DropForeignKey
ALTER TABLE "cod_entries" DROP CONSTRAINT "cod_entries_storeId_collectionId_fkey";

-- DropForeignKey
ALTER TABLE "tax_profiles" DROP CONSTRAINT "tax_profiles_storeId_fkey";

-- DropForeignKey
ALTER TABLE "tax_documents" DROP CONSTRAINT "tax_documents_storeId_fkey";

-- DropForeignKey
ALTER TABLE "tax_documents" DROP CONSTRAINT "tax_documents_storeId_orderId_fkey";

-- DropForeignKey
ALTER TABLE "tax_documents" DROP CONSTRAINT "tax_documents_storeId_invoiceId_fkey";

-- AddForeignKey
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "store_invitations" ADD CONSTRAINT "store_invitations_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "store_invitations" ADD CONSTRAINT "store_invitations_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "store_daily_stats" ADD CONSTRAINT "store_daily_stats_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "store_daily_products" ADD CONSTRAINT "store_daily_products_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "carrier_daily_stats" ADD CONSTRAINT "carrier_daily_stats_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "order_views" ADD CONSTRAINT "order_views_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "order_views" ADD CONSTRAINT "order_views_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "branches" ADD CONSTRAINT "branches_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "products" ADD CONSTRAINT "products_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "product_variants" ADD CONSTRAINT "product_variants_storeId_productId_fkey" FOREIGN KEY ("storeId", "productId") REFERENCES "products"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_storeId_variantId_fkey" FOREIGN KEY ("storeId", "variantId") REFERENCES "product_variants"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_storeId_branchId_fkey" FOREIGN KEY ("storeId", "branchId") REFERENCES "branches"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "variant_barcodes" ADD CONSTRAINT "variant_barcodes_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "variant_barcodes" ADD CONSTRAINT "variant_barcodes_storeId_variantId_fkey" FOREIGN KEY ("storeId", "variantId") REFERENCES "product_variants"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "order_packs" ADD CONSTRAINT "order_packs_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "order_packs" ADD CONSTRAINT "order_packs_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "order_packs" ADD CONSTRAINT "order_packs_packedById_fkey" FOREIGN KEY ("packedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "file_exports" ADD CONSTRAINT "file_exports_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "catalog_imports" ADD CONSTRAINT "catalog_imports_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_storeId_customerId_fkey" FOREIGN KEY ("storeId", "customerId") REFERENCES "customers"("storeId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_storeId_branchId_fkey" FOREIGN KEY ("storeId", "branchId") REFERENCES "branches"("storeId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_storeId_variantId_fkey" FOREIGN KEY ("storeId", "variantId") REFERENCES "product_variants"("storeId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "tags" ADD CONSTRAINT "tags_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "order_tags" ADD CONSTRAINT "order_tags_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "order_tags" ADD CONSTRAINT "order_tags_storeId_tagId_fkey" FOREIGN KEY ("storeId", "tagId") REFERENCES "tags"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_storeId_customerId_fkey" FOREIGN KEY ("storeId", "customerId") REFERENCES "customers"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "order_comments" ADD CONSTRAINT "order_comments_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "order_comments" ADD CONSTRAINT "order_comments_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "intake_refusals" ADD CONSTRAINT "intake_refusals_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "intake_refusals" ADD CONSTRAINT "intake_refusals_storeId_customerId_fkey" FOREIGN KEY ("storeId", "customerId") REFERENCES "customers"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "wallets" ADD CONSTRAINT "wallets_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "wallet_entries" ADD CONSTRAINT "wallet_entries_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "carrier_accounts" ADD CONSTRAINT "carrier_accounts_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "manual_couriers" ADD CONSTRAINT "manual_couriers_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "box_presets" ADD CONSTRAINT "box_presets_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "review_requests" ADD CONSTRAINT "review_requests_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_storeId_requestId_fkey" FOREIGN KEY ("storeId", "requestId") REFERENCES "review_requests"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "review_photos" ADD CONSTRAINT "review_photos_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "review_photos" ADD CONSTRAINT "review_photos_storeId_reviewId_fkey" FOREIGN KEY ("storeId", "reviewId") REFERENCES "reviews"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "discount_codes" ADD CONSTRAINT "discount_codes_storeId_requestId_fkey" FOREIGN KEY ("storeId", "requestId") REFERENCES "review_requests"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "wallet_top_ups" ADD CONSTRAINT "wallet_top_ups_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "cod_collections" ADD CONSTRAINT "cod_collections_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "cod_collections" ADD CONSTRAINT "cod_collections_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "cod_collections" ADD CONSTRAINT "cod_collections_storeId_shipmentId_fkey" FOREIGN KEY ("storeId", "shipmentId") REFERENCES "shipments"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "cod_statements" ADD CONSTRAINT "cod_statements_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "cod_entries" ADD CONSTRAINT "cod_entries_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "cod_entries" ADD CONSTRAINT "cod_entries_storeId_statementId_fkey" FOREIGN KEY ("storeId", "statementId") REFERENCES "cod_statements"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "cod_entries" ADD CONSTRAINT "cod_entries_storeId_collectionId_fkey" FOREIGN KEY ("storeId", "collectionId") REFERENCES "cod_collections"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "tax_profiles" ADD CONSTRAINT "tax_profiles_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "tax_documents" ADD CONSTRAINT "tax_documents_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "tax_documents" ADD CONSTRAINT "tax_documents_storeId_orderId_fkey" FOREIGN KEY ("storeId", "orderId") REFERENCES "orders"("storeId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "tax_documents" ADD CONSTRAINT "tax_documents_storeId_invoiceId_fkey" FOREIGN KEY ("storeId", "invoiceId") REFERENCES "tax_documents"("storeId", "id") ON DELETE RESTRICT ON UPDATE NO ACTION;
