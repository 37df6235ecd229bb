// Importing products and stock: a file is read and checked against what the store holds (the preview,
// kept for a day), then applied whole in one transaction, or not at all. Applying decides under the
// store's catalog lock and the stock rows' locks whether the store still holds what the preview saw: a
// stock level that an order moved meanwhile is not overwritten, the import is refused and says where.
import { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { AppError, notFound } from "@/server/errors/app-error";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { isUuid, uuidv7 } from "@/server/ids";
import { minorUnitDigits } from "@/server/money/money";
import {
  emptyPlan,
  foldText,
  MAX_PROBLEMS_SHOWN,
  planCounts,
  planImport,
  readHeader,
  type ExistingVariant,
  type ImportPlan,
  type ImportProblem,
} from "./import-plan";
import { readSheet } from "./read-sheet";
import { IMPORT_HEADINGS } from "./headings";

/** A preview can be applied for a day; after that the store may have moved on, and it is read again. */
export const PREVIEW_HOURS = 24;

export type CatalogImportDto = {
  id: string;
  fileName: string;
  status: "PREVIEW" | "APPLIED" | "DISCARDED";
  expired: boolean;
  createdAt: string;
  appliedAt: string | null;
  rowCount: number;
  plan: ImportPlan;
  problems: { total: number; shown: ImportProblem[] };
  counts: ReturnType<typeof planCounts>;
  branches: { id: string; name: string }[];
};

const catalogLock = (tx: Tx, storeId: string) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`catalog:${storeId}`}, 0))`;

const userOf = (ctx: StoreContext): string => {
  if (ctx.actor.type !== "USER") throw new AppError("FORBIDDEN", "Imports are made by people.");
  return ctx.actor.id;
};

/**
 * Reads a file and saves what applying it would do, with every problem found; nothing in the catalog
 * changes yet. The header row may be in either language (as the template writes it) or plain keys.
 */
export async function previewCatalogImport(ctx: StoreContext, file: { name: string; bytes: Uint8Array }): Promise<{ id: string }> {
  const userId = userOf(ctx);
  const [store, branches] = await Promise.all([
    db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { currency: true } }),
    db.branch.findMany({ where: { storeId: ctx.storeId, archivedAt: null }, select: { id: true, name: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const sheet = await readSheet(file.bytes);
  let plan: ImportPlan = emptyPlan();
  let problems = sheet.problems;
  if (!problems.length) {
    const header = readHeader(sheet.header, IMPORT_HEADINGS, branches);
    problems = header.problems;
    if (!problems.length) {
      const read = await readStore(ctx.storeId, header.columns, sheet.rows);
      const planned = planImport({ rows: sheet.rows, columns: header.columns, currencyDigits: minorUnitDigits(store.currency), ...read });
      plan = planned.plan;
      problems = planned.problems;
    }
  }
  const saved = await db.catalogImport.create({
    data: {
      storeId: ctx.storeId,
      createdById: userId,
      fileName: file.name.slice(0, 200),
      rowCount: sheet.rows.length,
      plan: plan as unknown as Prisma.InputJsonValue,
      problems: { total: problems.length, shown: problems.slice(0, MAX_PROBLEMS_SHOWN) } as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return saved;
}

/** What the store holds of what the file names: its variants by SKU, its products by name, their stock. */
async function readStore(storeId: string, columns: Parameters<typeof planImport>[0]["columns"], rows: { cells: readonly string[] }[]) {
  const skuAt = columns.find((c) => "field" in c && c.field === "sku")!.index;
  const productAt = columns.find((c) => "field" in c && c.field === "product")?.index;
  const skus = [...new Set(rows.map((r) => (r.cells[skuAt] ?? "").normalize("NFC").replace(/\s+/g, " ").trim()).filter(Boolean))];
  const names = productAt === undefined ? [] : [...new Set(rows.map((r) => foldText(r.cells[productAt] ?? "")).filter(Boolean))];
  const variants = await db.$queryRaw<ExistingVariant[]>`
    SELECT v.id, v.sku, v."productId", p.name AS "productName", v."optionLabel", v.price, v."weightGrams", v."lengthMm", v."widthMm", v."heightMm", v.active
    FROM product_variants v JOIN products p ON p."storeId" = v."storeId" AND p.id = v."productId"
    WHERE v."storeId" = ${storeId}::uuid AND v.sku = ANY(${skus}::text[])`;
  const products = names.length
    ? await db.$queryRaw<{ id: string; name: string }[]>`
        SELECT id, name FROM products
        WHERE "storeId" = ${storeId}::uuid AND lower(regexp_replace(btrim(normalize(name, NFKC)), '\\s+', ' ', 'g')) = ANY(${names}::text[])
        ORDER BY "createdAt", id`
    : [];
  const [stock, codes] = variants.length
    ? await Promise.all([
        db.stockLevel.findMany({
          where: { storeId, variantId: { in: variants.map((v) => v.id) } },
          select: { variantId: true, branchId: true, quantity: true, bin: true },
        }),
        db.variantBarcode.findMany({ where: { storeId, variantId: { in: variants.map((v) => v.id) } }, select: { variantId: true, code: true } }),
      ])
    : [[], []];
  const productsByName = new Map<string, { id: string; name: string }>();
  for (const p of products) if (!productsByName.has(foldText(p.name))) productsByName.set(foldText(p.name), p);
  return {
    existing: new Map(variants.map((v) => [v.sku, v])),
    productsByName,
    stock: new Map(stock.map((s) => [`${s.variantId}|${s.branchId}`, s.quantity])),
    bins: new Map(stock.filter((s) => s.bin).map((s) => [`${s.variantId}|${s.branchId}`, s.bin as string])),
    codes: codes.reduce((m, c) => m.set(c.variantId, [...(m.get(c.variantId) ?? []), c.code]), new Map<string, string[]>()),
  };
}

export async function getCatalogImport(ctx: StoreContext, unverifiedId: string): Promise<CatalogImportDto> {
  if (!isUuid(unverifiedId)) throw notFound("Import");
  const row = await db.catalogImport.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: unverifiedId } } });
  if (!row) throw notFound("Import");
  const plan = row.plan as unknown as ImportPlan;
  const branchIds = [...new Set(plan.stock.map((s) => s.branchId))];
  const branches = await db.branch.findMany({ where: { storeId: ctx.storeId, id: { in: branchIds } }, select: { id: true, name: true } });
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    expired: row.status === "PREVIEW" && row.createdAt.getTime() < Date.now() - PREVIEW_HOURS * 3600_000,
    createdAt: row.createdAt.toISOString(),
    appliedAt: row.appliedAt?.toISOString() ?? null,
    rowCount: row.rowCount,
    plan,
    problems: row.problems as unknown as CatalogImportDto["problems"],
    counts: planCounts(plan),
    branches,
  };
}

/** The store's latest imports, newest first. */
export async function listCatalogImports(ctx: StoreContext, take = 10) {
  const rows = await db.catalogImport.findMany({
    where: { storeId: ctx.storeId, status: { not: "DISCARDED" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, fileName: true, status: true, createdAt: true, appliedAt: true, rowCount: true },
  });
  const staleBefore = Date.now() - PREVIEW_HOURS * 3600_000;
  return rows.map((r) => ({
    ...r,
    expired: r.status === "PREVIEW" && r.createdAt.getTime() < staleBefore,
    createdAt: r.createdAt.toISOString(),
    appliedAt: r.appliedAt?.toISOString() ?? null,
  }));
}

/**
 * Applies a preview whole, once. Of two applies at once the second finds it applied; a preview whose
 * store changed since it was read (a stock level an order moved, a SKU made meanwhile) is refused whole,
 * naming the rows, and nothing changes.
 */
export async function applyCatalogImport(ctx: StoreContext, unverifiedId: string): Promise<ReturnType<typeof planCounts>> {
  const userId = userOf(ctx);
  if (!isUuid(unverifiedId)) throw notFound("Import");
  const storeId = ctx.storeId;
  try {
    return await db.$transaction(
      async (tx) => {
        await catalogLock(tx, storeId);
        const claimed = await tx.$queryRaw<{ plan: ImportPlan }[]>`
          UPDATE catalog_imports SET status = 'APPLIED', "appliedAt" = now(), "appliedById" = ${userId}::uuid
          WHERE "storeId" = ${storeId}::uuid AND id = ${unverifiedId}::uuid AND status = 'PREVIEW'
            AND "createdAt" > (now() AT TIME ZONE 'UTC') - make_interval(hours => ${PREVIEW_HOURS}) AND (problems->>'total')::int = 0
          RETURNING plan`;
        if (!claimed.length) throw await whyNotApplicable(tx, storeId, unverifiedId);
        const plan = claimed[0].plan;
        const stale = await staleRows(tx, storeId, plan);
        if (stale.length)
          throw new AppError("CONFLICT", `The store changed since the preview (rows ${stale.join(", ")}); read the file again.`, {
            say: { key: "importStale", params: { rows: stale.slice(0, 10).join(", "), n: stale.length } },
          });
        await write(tx, storeId, plan);
        return planCounts(plan);
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error, "sku"))
      throw new AppError("CONFLICT", "A SKU of the file was added meanwhile; read the file again.", {
        say: { key: "importStale", params: { rows: "—", n: 1 } },
      });
    throw error;
  }
}

async function whyNotApplicable(tx: Tx, storeId: string, id: string): Promise<AppError> {
  const row = await tx.catalogImport.findUnique({ where: { storeId_id: { storeId, id } }, select: { status: true, problems: true } });
  if (!row) return notFound("Import");
  if (row.status === "APPLIED") return new AppError("CONFLICT", "This import is applied already.", { say: { key: "importApplied" } });
  if (row.status === "DISCARDED") return new AppError("CONFLICT", "This import was discarded.", { say: { key: "importDiscarded" } });
  if ((row.problems as { total: number }).total > 0)
    return new AppError("CONFLICT", "The file has problems; nothing was applied.", { say: { key: "importHasProblems" } });
  return new AppError("CONFLICT", "This preview is more than a day old; read the file again.", { say: { key: "importExpired" } });
}

/** Rows whose preview no longer matches the store, read under the rows' locks (stock in the order moves lock it). */
async function staleRows(tx: Tx, storeId: string, plan: ImportPlan): Promise<number[]> {
  const stale = new Set<number>();
  if (plan.changedVariants.length) {
    const ids = plan.changedVariants.map((v) => v.id);
    const now = await tx.$queryRaw<(ExistingVariant & { id: string })[]>`
      SELECT id, "optionLabel", price, "weightGrams", "lengthMm", "widthMm", "heightMm", active FROM product_variants
      WHERE "storeId" = ${storeId}::uuid AND id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
    const byId = new Map(now.map((v) => [v.id, v]));
    for (const v of plan.changedVariants) {
      const cur = byId.get(v.id);
      if (!cur || (Object.keys(v.before) as (keyof typeof v.before)[]).some((k) => cur[k] !== v.before[k])) stale.add(v.row);
    }
  }
  if (plan.renamedProducts.length) {
    const now = await tx.product.findMany({ where: { storeId, id: { in: plan.renamedProducts.map((p) => p.productId) } }, select: { id: true, name: true } });
    const byId = new Map(now.map((p) => [p.id, p.name]));
    for (const p of plan.renamedProducts) if (byId.get(p.productId) !== p.from) stale.add(p.row);
  }
  if (plan.newVariants.length) {
    const taken = await tx.productVariant.findMany({ where: { storeId, sku: { in: plan.newVariants.map((v) => v.sku) } }, select: { sku: true } });
    const skus = new Set(taken.map((t) => t.sku));
    for (const v of plan.newVariants) if (skus.has(v.sku)) stale.add(v.row);
  }
  const known = plan.stock.filter((s) => s.variantId);
  if (known.length) {
    const rows = await tx.$queryRaw<{ variantId: string; branchId: string; quantity: number }[]>`
      SELECT s."variantId", s."branchId", s.quantity FROM stock_levels s
      JOIN unnest(${known.map((s) => s.variantId!)}::uuid[], ${known.map((s) => s.branchId)}::uuid[]) AS k(v, b) ON s."variantId" = k.v AND s."branchId" = k.b
      WHERE s."storeId" = ${storeId}::uuid
      ORDER BY s."variantId", s."branchId" FOR UPDATE OF s`;
    const now = new Map(rows.map((r) => [`${r.variantId}|${r.branchId}`, r.quantity]));
    for (const s of known) if ((now.get(`${s.variantId}|${s.branchId}`) ?? null) !== s.from) stale.add(s.row);
  }
  const codes = (plan.codes ?? []).filter((c) => c.variantId);
  if (codes.length) {
    const now = await tx.variantBarcode.findMany({
      where: { storeId, variantId: { in: codes.map((c) => c.variantId!) } },
      select: { variantId: true, code: true },
    });
    for (const c of codes) {
      const held = now.filter((n) => n.variantId === c.variantId).map((n) => n.code);
      if ([...held].sort().join(" ") !== [...c.from].sort().join(" ")) stale.add(c.row);
    }
  }
  return [...stale].sort((a, b) => a - b);
}

/** The plan in a handful of set-based statements, whatever the file's size. */
async function write(tx: Tx, storeId: string, plan: ImportPlan) {
  const productIds = new Map(plan.newProducts.map((p) => [p.ref, uuidv7()]));
  if (plan.newProducts.length)
    await tx.$executeRaw`
      INSERT INTO products ("storeId", id, name)
      SELECT ${storeId}::uuid, i, n FROM unnest(${plan.newProducts.map((p) => productIds.get(p.ref)!)}::uuid[], ${plan.newProducts.map((p) => p.name)}::text[]) AS x(i, n)`;
  if (plan.renamedProducts.length)
    await tx.$executeRaw`
      UPDATE products p SET name = x.n
      FROM unnest(${plan.renamedProducts.map((p) => p.productId)}::uuid[], ${plan.renamedProducts.map((p) => p.to)}::text[]) AS x(i, n)
      WHERE p."storeId" = ${storeId}::uuid AND p.id = x.i`;
  const variantIds = new Map(plan.newVariants.map((v) => [v.sku, uuidv7()]));
  const col = <K extends keyof ImportPlan["newVariants"][number]>(list: ImportPlan["newVariants"], k: K) => list.map((v) => v[k]);
  if (plan.newVariants.length) {
    const nv = plan.newVariants;
    await tx.$executeRaw`
      INSERT INTO product_variants ("storeId", id, "productId", sku, "optionLabel", price, "weightGrams", "lengthMm", "widthMm", "heightMm", active)
      SELECT ${storeId}::uuid, i, p, s, o, pr, w, l, wd, h, a
      FROM unnest(
        ${nv.map((v) => variantIds.get(v.sku)!)}::uuid[],
        ${nv.map((v) => ("id" in v.product ? v.product.id : productIds.get(v.product.ref)!))}::uuid[],
        ${col(nv, "sku")}::text[], ${col(nv, "optionLabel")}::text[], ${col(nv, "price")}::int[], ${col(nv, "weightGrams")}::int[],
        ${col(nv, "lengthMm")}::int[], ${col(nv, "widthMm")}::int[], ${col(nv, "heightMm")}::int[], ${col(nv, "active")}::boolean[]
      ) AS x(i, p, s, o, pr, w, l, wd, h, a)`;
  }
  if (plan.changedVariants.length) {
    const cv = plan.changedVariants.map((v) => ({ id: v.id, ...v.after }));
    await tx.$executeRaw`
      UPDATE product_variants v SET "optionLabel" = x.o, price = x.pr, "weightGrams" = x.w, "lengthMm" = x.l, "widthMm" = x.wd, "heightMm" = x.h, active = x.a
      FROM unnest(
        ${cv.map((v) => v.id)}::uuid[], ${cv.map((v) => v.optionLabel)}::text[], ${cv.map((v) => v.price)}::int[], ${cv.map((v) => v.weightGrams)}::int[],
        ${cv.map((v) => v.lengthMm)}::int[], ${cv.map((v) => v.widthMm)}::int[], ${cv.map((v) => v.heightMm)}::int[], ${cv.map((v) => v.active)}::boolean[]
      ) AS x(i, o, pr, w, l, wd, h, a)
      WHERE v."storeId" = ${storeId}::uuid AND v.id = x.i`;
  }
  if (plan.stock.length) {
    // In the order stock moves lock rows (variant, then branch), so an order moving meanwhile cannot deadlock with it.
    const rows = plan.stock
      .map((s) => ({ variantId: s.variantId ?? variantIds.get(s.sku)!, branchId: s.branchId, to: s.to }))
      .sort((a, b) => (a.variantId === b.variantId ? (a.branchId < b.branchId ? -1 : 1) : a.variantId < b.variantId ? -1 : 1));
    await tx.$executeRaw`
      INSERT INTO stock_levels ("storeId", "variantId", "branchId", quantity, "updatedAt")
      SELECT ${storeId}::uuid, v, b, q, now()
      FROM unnest(${rows.map((r) => r.variantId)}::uuid[], ${rows.map((r) => r.branchId)}::uuid[], ${rows.map((r) => r.to)}::int[]) WITH ORDINALITY AS x(v, b, q, n)
      ORDER BY n
      ON CONFLICT ("storeId", "variantId", "branchId") DO UPDATE SET quantity = EXCLUDED.quantity, "updatedAt" = EXCLUDED."updatedAt"`;
  }
  await writeCodesAndBins(tx, storeId, plan, variantIds);
}

/**
 * Codes and bins, after the variants exist. A variant's codes are replaced; a code another variant holds
 * (given to it since the preview) refuses the whole import — the key decides it, as at the Products page.
 */
async function writeCodesAndBins(tx: Tx, storeId: string, plan: ImportPlan, variantIds: Map<string, string>) {
  const idOf = (v: { variantId: string | null; sku: string }) => v.variantId ?? variantIds.get(v.sku)!;
  const codes = plan.codes ?? [];
  if (codes.length) {
    const ids = codes.map(idOf);
    await tx.$executeRaw`DELETE FROM variant_barcodes WHERE "storeId" = ${storeId}::uuid AND "variantId" = ANY(${ids}::uuid[])`;
    const pairs = codes.flatMap((c) => c.to.map((code) => ({ variantId: idOf(c), code, row: c.row })));
    if (pairs.length) {
      await tx.$executeRaw`
        INSERT INTO variant_barcodes ("storeId", code, "variantId")
        SELECT ${storeId}::uuid, c, v FROM unnest(${pairs.map((p) => p.code)}::text[], ${pairs.map((p) => p.variantId)}::uuid[]) AS x(c, v)
        ON CONFLICT ("storeId", code) DO NOTHING`;
      const held = await tx.variantBarcode.findMany({ where: { storeId, code: { in: pairs.map((p) => p.code) } }, select: { code: true, variantId: true } });
      const taken = pairs.filter((p) => held.find((h) => h.code === p.code)?.variantId !== p.variantId);
      if (taken.length)
        throw new AppError("CONFLICT", `A code of the file names another product now (rows ${taken.map((t) => t.row).join(", ")}); read the file again.`, {
          say: {
            key: "importStale",
            params: {
              rows: taken
                .slice(0, 10)
                .map((t) => t.row)
                .join(", "),
              n: taken.length,
            },
          },
        });
    }
  }
  const bins = plan.bins ?? [];
  if (bins.length)
    await tx.$executeRaw`
      INSERT INTO stock_levels ("storeId", "variantId", "branchId", quantity, bin, "updatedAt")
      SELECT ${storeId}::uuid, v, b, 0, n, now()
      FROM unnest(${bins.map(idOf)}::uuid[], ${bins.map((b) => b.branchId)}::uuid[], ${bins.map((b) => b.to)}::text[]) AS x(v, b, n)
      ON CONFLICT ("storeId", "variantId", "branchId") DO UPDATE SET bin = EXCLUDED.bin, "updatedAt" = EXCLUDED."updatedAt"`;
}

/** Drops a preview nobody will apply. */
export async function discardCatalogImport(ctx: StoreContext, unverifiedId: string): Promise<void> {
  if (!isUuid(unverifiedId)) throw notFound("Import");
  const { count } = await db.catalogImport.updateMany({ where: { storeId: ctx.storeId, id: unverifiedId, status: "PREVIEW" }, data: { status: "DISCARDED" } });
  if (!count) throw notFound("Import");
}

/** Previews nobody applied, a day after they were read (the worker's sweep); applied imports stay as the record of what changed. */
export async function purgeCatalogImports(now = new Date()): Promise<number> {
  const { count } = await db.catalogImport.deleteMany({
    where: { status: { in: ["PREVIEW", "DISCARDED"] }, createdAt: { lt: new Date(now.getTime() - PREVIEW_HOURS * 3600_000) } },
  });
  return count;
}
