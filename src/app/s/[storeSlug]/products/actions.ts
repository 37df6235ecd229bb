"use server";

import { z } from "zod";
import { storeAction } from "@/server/actions/action-client";
import { applyCatalogImport, discardCatalogImport } from "@/server/catalog/catalog-import";
import { setVariantCodes, variantCodesInput } from "@/server/catalog/variant-codes";

const importInput = z.strictObject({ importId: z.uuid() });

export const applyCatalogImportAction = storeAction(
  { input: importInput, permission: "catalog.manage", revalidate: (slug) => `/s/${slug}/products` },
  (input, ctx) => applyCatalogImport(ctx, input.importId),
);

export const discardCatalogImportAction = storeAction(
  { input: importInput, permission: "catalog.manage", revalidate: (slug) => `/s/${slug}/products` },
  async (input, ctx) => {
    await discardCatalogImport(ctx, input.importId);
    return null;
  },
);

/** A variant's barcodes and bins, from the Products page. */
export const setVariantCodesAction = storeAction(
  { input: variantCodesInput.extend({ variantId: z.uuid() }), permission: "catalog.manage", revalidate: (slug) => `/s/${slug}/products` },
  ({ variantId, ...input }, ctx) => setVariantCodes(ctx, variantId, input),
);
