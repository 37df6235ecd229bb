import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/server/db/client";
import { applyCatalogImport, discardCatalogImport, getCatalogImport, previewCatalogImport, purgeCatalogImports } from "@/server/catalog/catalog-import";
import { catalogFile, listProducts, listProductsQuery } from "@/server/catalog/products";
import { transitionOrder } from "@/server/orders/transition-order";
import { isAppError } from "@/server/errors/app-error";
import { renderError } from "@/server/errors/words";
import { seedOrder, seedStore } from "../support/factories";

const csv = (lines: string[][]) => new TextEncoder().encode(lines.map((l) => l.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\r\n"));
const bytesOf = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());
const stockOf = async (storeId: string, variantId: string) =>
  Object.fromEntries((await db.stockLevel.findMany({ where: { storeId, variantId } })).map((s) => [s.branchId, s.quantity]));

describe("importing products and stock", () => {
  it("previews a CSV without changing anything, then applies it whole: new products, variants, changes and stock", async () => {
    const s = await seedStore();
    const before = await db.productVariant.count({ where: { storeId: s.store.id } });
    const file = csv([
      ["SKU", "Product", "Option", "Price", "Weight (g)", "Stock: Riyadh", "Stock: Jeddah"],
      ["MUG-W", "Mug", "White", "20", "300", "4", ""],
      ["MUG-B", "Mug", "Black", "22.50", "300", "", "6"],
      ["SKU-A", "", "", "120", "", "", "9"],
    ]);
    const { id } = await previewCatalogImport(s.ctx(), { name: "catalog.csv", bytes: file });
    expect(await db.productVariant.count({ where: { storeId: s.store.id } })).toBe(before);
    const preview = await getCatalogImport(s.ctx(), id);
    expect(preview.problems.total).toBe(0);
    expect(preview.counts).toMatchObject({ newProducts: 1, newVariants: 2, changedVariants: 1, stockChanges: 3 });

    await applyCatalogImport(s.ctx(), id);
    const mugs = await db.productVariant.findMany({ where: { storeId: s.store.id, sku: { in: ["MUG-W", "MUG-B"] } }, orderBy: { sku: "asc" } });
    expect(mugs.map((m) => [m.sku, m.price, m.optionLabel])).toEqual([
      ["MUG-B", 2250, "Black"],
      ["MUG-W", 2000, "White"],
    ]);
    expect(mugs[0].productId).toBe(mugs[1].productId);
    const [riyadh, jeddah, dammam] = s.branches;
    expect(await stockOf(s.store.id, mugs[1].id)).toEqual({ [riyadh.id]: 4 });
    expect(await stockOf(s.store.id, mugs[0].id)).toEqual({ [jeddah.id]: 6 });
    const a = await db.productVariant.findFirstOrThrow({ where: { storeId: s.store.id, sku: "SKU-A" } });
    expect(a.price).toBe(12000);
    expect(await stockOf(s.store.id, a.id)).toEqual({ [riyadh.id]: 10, [jeddah.id]: 9, [dammam.id]: 5 });
    // Applied once: a second apply is told so, and changes nothing.
    const again = await applyCatalogImport(s.ctx(), id).catch((e: unknown) => e);
    expect(isAppError(again) && again.say?.key).toBe("importApplied");
  });

  it("reads the catalog's own Excel export back as no change, and an edited copy as exactly the edit", async () => {
    const s = await seedStore();
    const exported = await bytesOf(await catalogFile(s.ctx(), "xlsx", "ar"));
    const unchanged = await previewCatalogImport(s.ctx(), { name: "catalog.xlsx", bytes: exported });
    const read = await getCatalogImport(s.ctx(), unchanged.id);
    expect(read.problems).toEqual({ total: 0, shown: [] });
    expect(read.counts).toMatchObject({ newVariants: 0, changedVariants: 0, stockChanges: 0, unchangedRows: 3 });

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported) as never);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header[0]).toBe("رمز SKU");
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value === "SKU-B") row.getCell(header.indexOf("المخزون: Dammam") + 1).value = 12;
    });
    const edited = new Uint8Array(await book.xlsx.writeBuffer());
    const { id } = await previewCatalogImport(s.ctx(), { name: "edited.xlsx", bytes: edited });
    const plan = (await getCatalogImport(s.ctx(), id)).plan;
    expect(plan.stock).toEqual([expect.objectContaining({ sku: "SKU-B", branchId: s.branches[2].id, from: 0, to: 12 })]);
    expect(plan.changedVariants).toEqual([]);
  });

  it("keeps a file with problems from being applied, and says each in the reader's language", async () => {
    const s = await seedStore();
    const file = csv([
      ["SKU", "Product", "Price", "Weight (g)"],
      ["NEW-1", "Lamp", "12,5", "900"],
    ]);
    const { id } = await previewCatalogImport(s.ctx(), { name: "bad.csv", bytes: file });
    const read = await getCatalogImport(s.ctx(), id);
    expect(read.problems.shown).toEqual([{ row: 2, column: "Price", rule: "decimalComma" }]);
    const refused = await applyCatalogImport(s.ctx(), id).catch((e: unknown) => e);
    expect(isAppError(refused) && renderError(refused, "ar").message).toBe("في الملف مشكلات؛ لم يُطبّق شيء.");
    expect(await db.productVariant.count({ where: { storeId: s.store.id, sku: "NEW-1" } })).toBe(0);
  });

  it("refuses an apply whose stock an order moved since the preview, changing nothing", async () => {
    const s = await seedStore();
    const file = csv([
      ["SKU", "Product", "Price", "Weight (g)", "Stock: Riyadh"],
      ["SKU-A", "", "", "", "50"],
      ["NEW-2", "Vase", "40", "800", "3"],
    ]);
    const { id } = await previewCatalogImport(s.ctx(), { name: "count.csv", bytes: file });
    // Between the preview and the apply, an order takes one SKU-A from Riyadh.
    const order = await seedOrder(s, { items: [{ sku: "SKU-A", quantity: 1 }] });
    await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
    expect((await stockOf(s.store.id, s.variants["SKU-A"]))[s.branches[0].id]).toBe(9);
    const refused = await applyCatalogImport(s.ctx(), id).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.say).toEqual({ key: "importStale", params: { rows: "2", n: 1 } });
    expect((await stockOf(s.store.id, s.variants["SKU-A"]))[s.branches[0].id]).toBe(9);
    expect(await db.productVariant.count({ where: { storeId: s.store.id, sku: "NEW-2" } })).toBe(0);
    expect((await getCatalogImport(s.ctx(), id)).status).toBe("PREVIEW");
  });

  it("applies once when applied twice at once", async () => {
    const s = await seedStore();
    const { id } = await previewCatalogImport(s.ctx(), {
      name: "x.csv",
      bytes: csv([
        ["SKU", "Stock: Jeddah"],
        ["SKU-C", "40"],
      ]),
    });
    const results = await Promise.allSettled([applyCatalogImport(s.ctx(), id), applyCatalogImport(s.ctx(), id), applyCatalogImport(s.ctx(), id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await stockOf(s.store.id, s.variants["SKU-C"]))[s.branches[1].id]).toBe(40);
  });

  it("says what it cannot read: not a spreadsheet, an open quote, too many rows", async () => {
    const s = await seedStore();
    const rule = async (bytes: Uint8Array) =>
      (await getCatalogImport(s.ctx(), (await previewCatalogImport(s.ctx(), { name: "f", bytes })).id)).problems.shown[0];
    expect(await rule(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatchObject({ rule: "unreadable" });
    expect(await rule(new Uint8Array([0xff, 0x00, 0x10]))).toMatchObject({ rule: "unreadable" });
    expect(await rule(new TextEncoder().encode('SKU,Price\nA,"1\nB,2\n'))).toMatchObject({ row: 2, rule: "unclosedQuote" });
    const many = ["SKU", ...Array.from({ length: 20_001 }, (_, i) => `S-${i}`)].join("\n");
    expect(await rule(new TextEncoder().encode(many))).toMatchObject({ rule: "tooManyRows", params: { max: 20_000 } });
    // Windows-1256 (Excel's CSV on an Arabic Windows): "المنتج" and "قلم" read as Arabic.
    const cp1256 = new Uint8Array([0x53, 0x4b, 0x55, 0x2c, 0xc7, 0xe1, 0xe3, 0xe4, 0xca, 0xcc, 0x0a, 0x53, 0x4b, 0x55, 0x2d, 0x41, 0x2c, 0xde, 0xe1, 0xe3]);
    const { id } = await previewCatalogImport(s.ctx(), { name: "ar.csv", bytes: cp1256 });
    const read = await getCatalogImport(s.ctx(), id);
    expect(read.problems.total).toBe(0);
    expect(read.plan.renamedProducts).toEqual([expect.objectContaining({ to: "قلم" })]);
  });

  it("lists products with their stock, finds them by SKU, and sweeps previews nobody applied after a day", async () => {
    const s = await seedStore();
    const page = await listProducts(s.ctx(), listProductsQuery.parse({ q: "sku-b" }));
    expect(page.data.map((p) => p.variants.map((v) => [v.sku, v.stock[s.branches[1].id]]))).toEqual([[["SKU-B", 3]]]);
    const { id } = await previewCatalogImport(s.ctx(), {
      name: "old.csv",
      bytes: csv([
        ["SKU", "Stock: Jeddah"],
        ["SKU-B", "1"],
      ]),
    });
    const kept = await previewCatalogImport(s.ctx(), {
      name: "kept.csv",
      bytes: csv([
        ["SKU", "Stock: Jeddah"],
        ["SKU-B", "2"],
      ]),
    });
    await discardCatalogImport(s.ctx(), kept.id);
    await db.catalogImport.update({ where: { storeId_id: { storeId: s.store.id, id } }, data: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    expect((await getCatalogImport(s.ctx(), id)).expired).toBe(true);
    expect(await purgeCatalogImports()).toBeGreaterThanOrEqual(1);
    expect(await db.catalogImport.count({ where: { storeId: s.store.id, id } })).toBe(0);
    expect(await db.catalogImport.count({ where: { storeId: s.store.id, id: kept.id } })).toBe(1);
  });
});

describe("barcodes and bins in the catalog file", () => {
  it("a file sets variants' barcodes and bins (new variants too), the export writes them back as no change, and a code taken meanwhile refuses the import whole", async () => {
    const s = await seedStore();
    const [riyadh, jeddah] = s.branches;
    const file = csv([
      ["SKU", "Product", "Price", "Weight (g)", "Barcodes", "Bin: Riyadh", "الرف: Jeddah"],
      ["SKU-A", "", "", "", "6291041500213 a-own", "A-01-1", ""],
      ["CUP-1", "Cup", "5", "100", "CUP-CODE", "", "J-9"],
    ]);
    const { id } = await previewCatalogImport(s.ctx(), { name: "codes.csv", bytes: file });
    const preview = await getCatalogImport(s.ctx(), id);
    expect(preview.problems.total).toBe(0);
    expect(preview.counts).toMatchObject({ newVariants: 1, codeChanges: 2, binChanges: 2 });
    await applyCatalogImport(s.ctx(), id);
    const cup = await db.productVariant.findFirstOrThrow({ where: { storeId: s.store.id, sku: "CUP-1" } });
    const codes = await db.variantBarcode.findMany({ where: { storeId: s.store.id }, orderBy: { code: "asc" } });
    expect(codes.map((c) => [c.code, c.variantId])).toEqual([
      ["06291041500213", s.variants["SKU-A"]],
      ["A-OWN", s.variants["SKU-A"]],
      ["CUP-CODE", cup.id],
    ]);
    const bins = await db.stockLevel.findMany({
      where: { storeId: s.store.id, bin: { not: null } },
      select: { variantId: true, branchId: true, bin: true, quantity: true },
    });
    expect(bins).toEqual(
      expect.arrayContaining([
        { variantId: s.variants["SKU-A"], branchId: riyadh.id, bin: "A-01-1", quantity: 10 },
        { variantId: cup.id, branchId: jeddah.id, bin: "J-9", quantity: 0 },
      ]),
    );

    // The catalog's own file read back: nothing to change.
    const exported = await bytesOf(await catalogFile(s.ctx(), "csv", "en"));
    const back = await previewCatalogImport(s.ctx(), { name: "export.csv", bytes: exported });
    expect((await getCatalogImport(s.ctx(), back.id)).counts).toMatchObject({ codeChanges: 0, binChanges: 0, stockChanges: 0, changedVariants: 0 });

    // A preview that gives SKU-B a code; meanwhile the code goes to SKU-C: the apply is refused, nothing changes.
    const later = await previewCatalogImport(s.ctx(), {
      name: "late.csv",
      bytes: csv([
        ["SKU", "Barcodes"],
        ["SKU-B", "LATE-1"],
      ]),
    });
    await db.variantBarcode.create({ data: { storeId: s.store.id, code: "LATE-1", variantId: s.variants["SKU-C"] } });
    const refused = await applyCatalogImport(s.ctx(), later.id).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.say?.key).toBe("importStale");
    expect(await db.variantBarcode.count({ where: { storeId: s.store.id, variantId: s.variants["SKU-B"] } })).toBe(0);
  });
});
