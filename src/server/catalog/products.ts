import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, issue } from "@/server/errors/app-error";
import { translator, type WordsLocale } from "@/server/errors/words";
import { minorUnitDigits } from "@/server/money/money";
import { minorToDecimal } from "@/lib/csv";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { csvStream, xlsxStream, type SheetSpec } from "@/server/files/sheet-stream";
import { IMPORT_FIELDS } from "./import-plan";
import { headingsFor } from "./headings";
import { displayCode } from "@/lib/barcode";

export const listProductsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListProductsQuery = z.output<typeof listProductsQuery>;

export type ProductDto = {
  id: string;
  name: string;
  variants: {
    id: string;
    sku: string;
    optionLabel: string;
    price: number;
    weightGrams: number;
    active: boolean;
    /** On hand by branch id; a branch with no row holds none. */
    stock: Record<string, number>;
    /** The codes on its units, as printed (EAN-13 for a GTIN that starts with 0). */
    barcodes: string[];
    /** Where it sits in each branch's stockroom, by branch id. */
    bins: Record<string, string>;
  }[];
};

/** The store's branches that hold stock, as the list's and the file's columns. */
export const stockBranches = (storeId: string) =>
  db.branch.findMany({ where: { storeId, archivedAt: null }, select: { id: true, name: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

/** Products newest first, by keyset, each with its variants and their stock; `q` finds a name or a SKU. */
export async function listProducts(ctx: StoreContext, query: ListProductsQuery): Promise<{ data: ProductDto[]; nextCursor: string | null }> {
  const where: Prisma.ProductWhereInput = { storeId: ctx.storeId };
  const and: Prisma.ProductWhereInput[] = [];
  if (query.q)
    and.push({ OR: [{ name: { contains: query.q, mode: "insensitive" } }, { variants: { some: { sku: { contains: query.q, mode: "insensitive" } } } }] });
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    if (!cursor) throw new AppError("VALIDATION_FAILED", "The cursor is not valid.", { fields: { cursor: issue("badCursor") } });
    and.push({ createdAt: { lte: cursor.at } }, { OR: [{ createdAt: { lt: cursor.at } }, { id: { lt: cursor.id } }] });
  }
  if (and.length) where.AND = and;
  const rows = await db.product.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true,
      name: true,
      createdAt: true,
      variants: {
        orderBy: [{ sku: "asc" }],
        select: {
          id: true,
          sku: true,
          optionLabel: true,
          price: true,
          weightGrams: true,
          active: true,
          stock: { select: { branchId: true, quantity: true, bin: true } },
          barcodes: { select: { code: true }, orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((p) => ({
      id: p.id,
      name: p.name,
      variants: p.variants.map(({ stock, barcodes, ...v }) => ({
        ...v,
        stock: Object.fromEntries(stock.map((s) => [s.branchId, s.quantity])),
        barcodes: barcodes.map((b) => displayCode(b.code)),
        bins: Object.fromEntries(stock.filter((s) => s.bin).map((s) => [s.branchId, s.bin as string])),
      })),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

type CatalogRow = {
  id: string;
  sku: string;
  product: string;
  optionLabel: string;
  price: number;
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  active: boolean;
  stock: Record<string, number> | null;
  bins: Record<string, string> | null;
  codes: string[] | null;
};

const PAGE = 1_000;

/** Every variant of the store with its stock, a thousand at a time by keyset (variant ids are time-ordered). */
async function* catalogPages(storeId: string) {
  let after: string | null = null;
  for (;;) {
    const rows: CatalogRow[] = await db.$queryRaw<CatalogRow[]>`
      SELECT v.id, v.sku, p.name AS product, v."optionLabel", v.price, v."weightGrams", v."lengthMm", v."widthMm", v."heightMm", v.active,
        (SELECT jsonb_object_agg(s."branchId", s.quantity) FROM stock_levels s WHERE s."storeId" = v."storeId" AND s."variantId" = v.id) AS stock,
        (SELECT jsonb_object_agg(s."branchId", s.bin) FROM stock_levels s WHERE s."storeId" = v."storeId" AND s."variantId" = v.id AND s.bin IS NOT NULL) AS bins,
        (SELECT array_agg(b.code ORDER BY b."createdAt", b.code) FROM variant_barcodes b WHERE b."storeId" = v."storeId" AND b."variantId" = v.id) AS codes
      FROM product_variants v JOIN products p ON p."storeId" = v."storeId" AND p.id = v."productId"
      WHERE v."storeId" = ${storeId}::uuid ${after ? Prisma.sql`AND v.id > ${after}::uuid` : Prisma.empty}
      ORDER BY v.id LIMIT ${PAGE}`;
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

/**
 * The catalog as the import reads it: the same columns, headed in the reader's language, one row per
 * variant with its stock at each branch. Edited and read back, it changes only what was edited.
 */
async function catalogSheet(ctx: StoreContext, locale: WordsLocale): Promise<SheetSpec> {
  const [store, branches] = await Promise.all([
    db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { currency: true } }),
    stockBranches(ctx.storeId),
  ]);
  const h = headingsFor(locale);
  const t = translator(locale);
  const digits = minorUnitDigits(store.currency);
  const yes = t("catalogImport.yes");
  const no = t("catalogImport.no");
  return {
    header: [...IMPORT_FIELDS.map((f) => h[f]), ...branches.map((b) => `${h.stockPrefix} ${b.name}`), ...branches.map((b) => `${h.binPrefix} ${b.name}`)],
    widths: [
      ...IMPORT_FIELDS.map((f) => (f === "product" ? 32 : f === "option" || f === "barcodes" ? 20 : 12)),
      ...branches.map(() => 16),
      ...branches.map(() => 14),
    ],
    sheetName: t("catalogImport.sheet"),
    rightToLeft: locale === "ar",
    pages: async function* () {
      for await (const page of catalogPages(ctx.storeId))
        yield page.map((r) => [
          r.sku,
          r.product,
          r.optionLabel,
          minorToDecimal(r.price, digits),
          r.weightGrams,
          r.lengthMm,
          r.widthMm,
          r.heightMm,
          r.active ? yes : no,
          (r.codes ?? []).map(displayCode).join(" "),
          ...branches.map((b) => r.stock?.[b.id] ?? 0),
          ...branches.map((b) => r.bins?.[b.id] ?? ""),
        ]);
    },
  };
}

export const catalogExportQuery = z.object({ format: z.enum(["csv", "xlsx"]).default("csv") });

export async function catalogFile(ctx: StoreContext, format: "csv" | "xlsx", locale: WordsLocale): Promise<ReadableStream<Uint8Array>> {
  const sheet = await catalogSheet(ctx, locale);
  return format === "xlsx" ? xlsxStream(sheet) : csvStream(sheet);
}
