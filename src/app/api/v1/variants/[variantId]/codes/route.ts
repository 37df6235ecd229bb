import { notFound } from "@/server/errors/app-error";
import { apiRoute, json } from "@/server/http/api-route";
import { isUuid } from "@/server/ids";
import { getVariantCodes, setVariantCodes, variantCodesInput } from "@/server/catalog/variant-codes";

/** A variant's barcodes (as printed) and its bin at each branch (by branch id). */
export const GET = apiRoute("catalog.read", async ({ ctx, params }) => {
  if (!isUuid(params.variantId)) throw notFound("Variant");
  return json({ data: await getVariantCodes(ctx, params.variantId) });
});

/**
 * `{ "barcodes": [...], "bins": { "<branchId>": "A-03-2" | null } }`: `barcodes` replaces the variant's
 * codes; `bins` sets the branches named. A code another variant has is a 409 naming its SKU.
 */
export const PUT = apiRoute("catalog.manage", async ({ ctx, params, body }) => {
  if (!isUuid(params.variantId)) throw notFound("Variant");
  const input = await body(variantCodesInput);
  return json({ data: await setVariantCodes(ctx, params.variantId, input) });
});
