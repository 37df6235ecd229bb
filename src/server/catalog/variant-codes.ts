import "server-only";
import { z } from "zod";
import { db, type Db, type Tx } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue, notFound, type FieldIssues } from "@/server/errors/app-error";
import { rule } from "@/server/http/validation";
import { MAX_BIN_LENGTH, MAX_CODES_PER_VARIANT, MAX_CODE_LENGTH, displayCode, readCode } from "@/lib/barcode";

/**
 * A variant's codes and bins as a whole: `barcodes` replaces the variant's codes (an empty list takes them
 * all away); `bins` sets the bin at each branch named (null or "" clears it), other branches untouched.
 */
export const variantCodesInput = z.strictObject({
  barcodes: z
    .array(
      z
        .string()
        .trim()
        .min(1, rule("notEmpty"))
        .max(MAX_CODE_LENGTH + 8, rule("maxLength", { max: MAX_CODE_LENGTH })),
    )
    .max(MAX_CODES_PER_VARIANT, rule("maxEntries", { max: MAX_CODES_PER_VARIANT }))
    .optional(),
  bins: z
    .record(
      z.uuid(rule("notBranch")),
      z
        .string()
        .trim()
        .max(MAX_BIN_LENGTH, rule("maxLength", { max: MAX_BIN_LENGTH }))
        .nullable(),
    )
    .optional(),
});
export type VariantCodesInput = z.output<typeof variantCodesInput>;

export type VariantCodesDto = { id: string; sku: string; barcodes: string[]; bins: Record<string, string> };

async function readVariantCodes(client: Db | Tx, storeId: string, variantId: string): Promise<VariantCodesDto | null> {
  const variant = await client.productVariant.findUnique({
    where: { storeId_id: { storeId, id: variantId } },
    select: {
      id: true,
      sku: true,
      barcodes: { select: { code: true }, orderBy: { createdAt: "asc" } },
      stock: { select: { branchId: true, bin: true } },
    },
  });
  if (!variant) return null;
  return {
    id: variant.id,
    sku: variant.sku,
    barcodes: variant.barcodes.map((b) => displayCode(b.code)),
    bins: Object.fromEntries(variant.stock.filter((s) => s.bin).map((s) => [s.branchId, s.bin as string])),
  };
}

export async function getVariantCodes(ctx: StoreContext, variantId: string): Promise<VariantCodesDto> {
  const found = await readVariantCodes(db, ctx.storeId, variantId);
  if (!found) throw notFound("Variant");
  return found;
}

/**
 * Sets a variant's codes and bins. A code names one variant in a store: the table's key decides it, so of
 * two variants given one code at once exactly one keeps it and the other is told which SKU has it.
 */
export async function setVariantCodes(ctx: StoreContext, variantId: string, input: VariantCodesInput): Promise<VariantCodesDto> {
  const keys: string[] = [];
  const problems: FieldIssues = {};
  (input.barcodes ?? []).forEach((raw, i) => {
    const read = readCode(raw);
    if ("problem" in read) problems[`barcodes.${i}`] = issue(read.problem);
    else if (keys.includes(read.key)) problems[`barcodes.${i}`] = issue("codeTwice");
    else keys.push(read.key);
  });
  if (Object.keys(problems).length) throw new AppError("VALIDATION_FAILED", "Some codes are not valid.", { fields: problems });

  return db.$transaction(async (tx) => {
    // The variant's row is held while its codes are replaced: two edits of one variant go one after the other.
    const [variant] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM product_variants WHERE "storeId" = ${ctx.storeId}::uuid AND id = ${variantId}::uuid FOR UPDATE`;
    if (!variant) throw notFound("Variant");
    if (input.barcodes) {
      await tx.$executeRaw`
        DELETE FROM variant_barcodes WHERE "storeId" = ${ctx.storeId}::uuid AND "variantId" = ${variantId}::uuid
          AND NOT (code = ANY(${keys}::text[]))`;
      if (keys.length) {
        await tx.$executeRaw`
          INSERT INTO variant_barcodes ("storeId", code, "variantId")
          SELECT ${ctx.storeId}::uuid, k, ${variantId}::uuid FROM unnest(${keys}::text[]) AS k
          ON CONFLICT ("storeId", code) DO NOTHING`;
        const taken = await tx.$queryRaw<{ code: string; sku: string }[]>`
          SELECT b.code, v.sku FROM variant_barcodes b JOIN product_variants v ON v."storeId" = b."storeId" AND v.id = b."variantId"
          WHERE b."storeId" = ${ctx.storeId}::uuid AND b.code = ANY(${keys}::text[]) AND b."variantId" <> ${variantId}::uuid`;
        if (taken.length) {
          const fields: FieldIssues = {};
          for (const t of taken) fields[`barcodes.${keys.indexOf(t.code)}`] = issue("codeTaken", { sku: t.sku });
          throw new AppError("CONFLICT", `The code ${displayCode(taken[0].code)} already names ${taken[0].sku}.`, {
            fields,
            say: { key: "codeTaken", params: { code: displayCode(taken[0].code), sku: taken[0].sku } },
          });
        }
      }
    }
    const bins = Object.entries(input.bins ?? {});
    if (bins.length) {
      const branches = await tx.branch.findMany({ where: { storeId: ctx.storeId, id: { in: bins.map(([b]) => b) } }, select: { id: true } });
      const known = new Set(branches.map((b) => b.id));
      const unknown = bins.filter(([b]) => !known.has(b));
      if (unknown.length)
        throw new AppError("VALIDATION_FAILED", "No such branch.", { fields: Object.fromEntries(unknown.map(([b]) => [`bins.${b}`, issue("notBranch")])) });
      for (const [branchId, bin] of bins) {
        // A branch that holds none of the variant gets a row with nothing on hand, to keep the bin.
        await tx.$executeRaw`
          INSERT INTO stock_levels ("storeId", "variantId", "branchId", quantity, bin, "updatedAt")
          VALUES (${ctx.storeId}::uuid, ${variantId}::uuid, ${branchId}::uuid, 0, ${bin || null}, now())
          ON CONFLICT ("storeId", "variantId", "branchId") DO UPDATE SET bin = EXCLUDED.bin, "updatedAt" = EXCLUDED."updatedAt"`;
      }
    }
    return (await readVariantCodes(tx, ctx.storeId, variantId)) as VariantCodesDto;
  });
}
