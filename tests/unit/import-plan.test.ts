import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv";
import { KEY_HEADINGS, planImport, readAmount, readCount, readHeader, readYesNo, type ExistingVariant, type Headings } from "@/server/catalog/import-plan";

const EN: Headings = {
  sku: "SKU",
  product: "Product",
  option: "Option",
  price: "Price",
  weight: "Weight (g)",
  length: "Length (mm)",
  width: "Width (mm)",
  height: "Height (mm)",
  active: "Active",
  barcodes: "Barcodes",
  stockPrefix: "Stock:",
  binPrefix: "Bin:",
};
const AR: Headings = { ...EN, sku: "رمز SKU", product: "المنتج", price: "السعر", weight: "الوزن (غ)", stockPrefix: "المخزون:", binPrefix: "الرف:" };
const HEADINGS = [EN, AR, KEY_HEADINGS];
const branches = [
  { id: "b-riyadh", name: "Riyadh Olaya" },
  { id: "b-jeddah", name: "فرع جدة" },
];

describe("CSV as spreadsheets write it", () => {
  it("reads quotes, doubled quotes, line breaks inside a cell, CRLF and a BOM", () => {
    const { rows, unclosedQuoteAtRow } = parseCsv('\uFEFFsku,name\r\n"A-1","Shirt, ""blue"""\r\nB-2,"two\nlines"\n');
    expect(unclosedQuoteAtRow).toBeNull();
    expect(rows).toEqual([
      ["sku", "name"],
      ["A-1", 'Shirt, "blue"'],
      ["B-2", "two\nlines"],
    ]);
  });
  it("takes the separator of the header line: semicolons and tabs too", () => {
    expect(parseCsv("sku;price\nA;1,5\n").rows).toEqual([
      ["sku", "price"],
      ["A", "1,5"],
    ]);
    expect(parseCsv("sku\tprice\nA\t2\n").rows[1]).toEqual(["A", "2"]);
  });
  it("says where a quote is left open, counting records rather than lines", () => {
    expect(parseCsv('a,b\n"x\ny",1\n"open,2\n').unclosedQuoteAtRow).toBe(3);
  });
});

describe("cells", () => {
  it("reads amounts exactly, in Western or Arabic-Indic digits, with thousands separators", () => {
    expect(readAmount("149.5", 2)).toEqual({ value: 14950 });
    expect(readAmount("1,250.00", 2)).toEqual({ value: 125000 });
    expect(readAmount("١٤٩٫٥٠", 2)).toEqual({ value: 14950 });
    expect(readAmount("0.1", 3)).toEqual({ value: 100 });
    expect(readAmount("19.990", 2)).toEqual({ value: 1999 });
  });
  it("names the rule an amount breaks instead of guessing", () => {
    expect(readAmount("1,5", 2)).toEqual({ rule: "decimalComma" });
    expect(readAmount("12.345", 2)).toEqual({ rule: "tooManyDecimals", params: { n: 2 } });
    expect(readAmount("-3", 2)).toEqual({ rule: "notAmount" });
    expect(readAmount("SAR 3", 2)).toEqual({ rule: "notAmount" });
    expect(readAmount("99999999999", 2)).toEqual({ rule: "tooLarge" });
  });
  it("reads counts and yes/no in either language", () => {
    expect(readCount("١٢", 100)).toEqual({ value: 12 });
    expect(readCount("12.0", 100)).toEqual({ value: 12 });
    expect(readCount("1.5", 100)).toEqual({ rule: "notWholeNumber" });
    expect(readCount("-1", 100)).toEqual({ rule: "notWholeNumber" });
    expect(readCount("101", 100)).toEqual({ rule: "tooLarge", params: { max: 100 } });
    expect(readYesNo("نعم")).toEqual({ value: true });
    expect(readYesNo(" No ")).toEqual({ value: false });
    expect(readYesNo("١")).toEqual({ value: true });
    expect(readYesNo("maybe")).toEqual({ rule: "notYesNo" });
  });
});

describe("the header row", () => {
  it("reads headings of either language, plain keys, and stock columns by branch name in any case", () => {
    const { columns, problems } = readHeader(["رمز SKU", "product", "Price", "stock: riyadh olaya", "المخزون: فرع جدة"], HEADINGS, branches);
    expect(problems).toEqual([]);
    expect(columns.map((c) => ("field" in c ? c.field : "branchId" in c ? c.branchId : c.binBranchId))).toEqual([
      "sku",
      "product",
      "price",
      "b-riyadh",
      "b-jeddah",
    ]);
  });
  it("refuses a column it cannot place, a repeated one, an unknown or ambiguous branch and a file without SKUs", () => {
    const r = readHeader(["SKU", "Colour", "Price", "price", "Stock: Mecca"], HEADINGS, branches);
    expect(r.problems.map((p) => [p.column, p.rule])).toEqual([
      ["Colour", "unknownColumn"],
      ["price", "duplicateColumn"],
      ["Stock: Mecca", "unknownBranch"],
    ]);
    expect(
      readHeader(["Stock: A"], HEADINGS, [
        { id: "1", name: "A" },
        { id: "2", name: " a " },
      ]).problems[0].rule,
    ).toBe("ambiguousBranch");
    expect(readHeader(["Product", "Price"], HEADINGS, branches).problems).toEqual([{ row: 1, column: null, rule: "noSkuColumn" }]);
  });
});

const existing: ExistingVariant = {
  id: "v-1",
  sku: "TS-RED-M",
  productId: "p-1",
  productName: "T-shirt",
  optionLabel: "Red / M",
  price: 5000,
  weightGrams: 200,
  lengthMm: 300,
  widthMm: 200,
  heightMm: 20,
  active: true,
};

function plan(lines: string[][], opts: { stock?: Map<string, number>; products?: Map<string, { id: string; name: string }> } = {}) {
  const [header, ...rows] = lines;
  const { columns, problems } = readHeader(header, HEADINGS, branches);
  expect(problems).toEqual([]);
  return planImport({
    rows: rows.map((cells, i) => ({ row: i + 2, cells })),
    columns,
    currencyDigits: 2,
    existing: new Map([[existing.sku, existing]]),
    productsByName: opts.products ?? new Map([["t-shirt", { id: "p-1", name: "T-shirt" }]]),
    stock: opts.stock ?? new Map([["v-1|b-riyadh", 7]]),
  });
}

describe("planning an import", () => {
  it("changes only the filled cells of a known SKU, and only what differs", () => {
    const { plan: p, problems } = plan([
      ["SKU", "Product", "Price", "Weight (g)", "Stock: Riyadh Olaya", "Stock: فرع جدة"],
      ["TS-RED-M", "", "55", "", "7", "3"],
    ]);
    expect(problems).toEqual([]);
    expect(p.changedVariants).toEqual([
      {
        row: 2,
        id: "v-1",
        sku: "TS-RED-M",
        productName: "T-shirt",
        before: expect.objectContaining({ price: 5000 }),
        after: expect.objectContaining({ price: 5500, weightGrams: 200 }),
      },
    ]);
    // Riyadh already holds 7: only Jeddah changes, from no row at all.
    expect(p.stock).toEqual([{ row: 2, sku: "TS-RED-M", variantId: "v-1", branchId: "b-jeddah", from: null, to: 3 }]);
  });
  it("counts a row that matches the store as unchanged (an exported file read back changes nothing)", () => {
    const { plan: p } = plan([
      ["SKU", "Product", "Option", "Price", "Weight (g)", "Active", "Stock: Riyadh Olaya", "Stock: فرع جدة"],
      ["TS-RED-M", "T-shirt", "Red / M", "50.00", "200", "Yes", "7", "0"],
    ]);
    expect(p).toMatchObject({ changedVariants: [], stock: [], newVariants: [], renamedProducts: [], unchangedRows: 1 });
  });
  it("makes new variants, grouping new rows of one product name into one product and joining an existing product by name", () => {
    const { plan: p, problems } = plan([
      ["SKU", "Product", "Option", "Price", "Weight (g)", "Stock: Riyadh Olaya"],
      ["MUG-1", "Mug", "White", "20", "300", "4"],
      ["MUG-2", " mug ", "Black", "20", "300", ""],
      ["TS-RED-L", "t-shirt", "Red / L", "50", "210", "2"],
    ]);
    expect(problems).toEqual([]);
    expect(p.newProducts).toEqual([{ ref: "new-1", name: "Mug" }]);
    expect(p.newVariants.map((v) => [v.sku, v.product, v.productName])).toEqual([
      ["MUG-1", { ref: "new-1" }, "Mug"],
      ["MUG-2", { ref: "new-1" }, "Mug"],
      ["TS-RED-L", { id: "p-1" }, "T-shirt"],
    ]);
    expect(p.stock.map((s) => [s.sku, s.variantId, s.to])).toEqual([
      ["MUG-1", null, 4],
      ["TS-RED-L", null, 2],
    ]);
  });
  it("reports every problem with its row and column, and plans nothing for those rows", () => {
    const { problems } = plan([
      ["SKU", "Product", "Price", "Weight (g)", "Active", "Stock: Riyadh Olaya"],
      ["NEW-1", "", "1,5", "", "maybe", "-2"],
      ["TS-RED-M", "", "", "", "", ""],
      ["TS-RED-M", "", "", "", "", ""],
      ["", "x", "1", "1", "", ""],
    ]);
    expect(problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [2, "Product", "required"],
      [2, "Price", "decimalComma"],
      [2, "Weight (g)", "required"],
      [2, "Active", "notYesNo"],
      [2, "Stock: Riyadh Olaya", "notWholeNumber"],
      [4, "SKU", "duplicateSku"],
      [5, "SKU", "skuRequired"],
    ]);
    expect(problems.find((p) => p.rule === "duplicateSku")?.params).toEqual({ row: 3 });
  });
  it("a column the file lacks is named by its field when a new SKU needs it", () => {
    const { problems } = plan([["SKU"], ["NEW-9"]]);
    expect(problems.map((p) => [p.field, p.rule])).toEqual([
      ["product", "required"],
      ["price", "required"],
      ["weight", "required"],
    ]);
  });
  it("renames a product by its rows, and refuses rows that give one product two names", () => {
    const second: ExistingVariant = { ...existing, id: "v-2", sku: "TS-RED-S", optionLabel: "Red / S" };
    const [header, ...rows] = [
      ["SKU", "Product"],
      ["TS-RED-M", "Cotton T-shirt"],
      ["TS-RED-S", "Linen T-shirt"],
    ];
    const { columns } = readHeader(header, HEADINGS, branches);
    const r = planImport({
      rows: rows.map((cells, i) => ({ row: i + 2, cells })),
      columns,
      currencyDigits: 2,
      existing: new Map([
        [existing.sku, existing],
        [second.sku, second],
      ]),
      productsByName: new Map(),
      stock: new Map(),
    });
    expect(r.plan.renamedProducts).toEqual([{ productId: "p-1", from: "T-shirt", to: "Cotton T-shirt", row: 2 }]);
    expect(r.problems).toEqual([{ row: 3, column: "Product", rule: "productNameConflict", params: { row: 2 } }]);
  });
});

describe("barcodes and bins in the file", () => {
  const existing: ExistingVariant = {
    id: "v-1",
    sku: "MUG",
    productId: "p-1",
    productName: "Mug",
    optionLabel: "",
    price: 1000,
    weightGrams: 300,
    lengthMm: 0,
    widthMm: 0,
    heightMm: 0,
    active: true,
  };
  const plan = (header: string[], rows: string[][], codes = new Map<string, string[]>(), bins = new Map<string, string>()) => {
    const { columns, problems } = readHeader(header, HEADINGS, branches);
    expect(problems).toEqual([]);
    return planImport({
      rows: rows.map((cells, i) => ({ row: i + 2, cells })),
      columns,
      currencyDigits: 2,
      existing: new Map([["MUG", existing]]),
      productsByName: new Map(),
      stock: new Map(),
      codes,
      bins,
    });
  };

  it("a Barcodes cell replaces the variant's codes (several in one cell) and a Bin column sets its bin; what is already so is unchanged", () => {
    const header = ["SKU", "Barcodes", "Bin: Riyadh Olaya", "الرف: فرع جدة"];
    const r = plan(header, [["MUG", "6291041500213 mug-1", "A-03-2", ""]], new Map([["v-1", ["MUG-1"]]]), new Map([["v-1|b-riyadh", "A-01"]]));
    expect(r.problems).toEqual([]);
    expect(r.plan.codes).toEqual([{ row: 2, sku: "MUG", variantId: "v-1", from: ["MUG-1"], to: ["06291041500213", "MUG-1"] }]);
    expect(r.plan.bins).toEqual([{ row: 2, sku: "MUG", variantId: "v-1", branchId: "b-riyadh", from: "A-01", to: "A-03-2" }]);
    const same = plan(
      header,
      [["MUG", "mug-1 6291041500213", "A-03-2", ""]],
      new Map([["v-1", ["06291041500213", "MUG-1"]]]),
      new Map([["v-1|b-riyadh", "A-03-2"]]),
    );
    expect(same.plan).toMatchObject({ codes: [], bins: [], unchangedRows: 1 });
  });

  it("a code with a wrong check digit, or named by two SKUs of the file, is a problem on its row", () => {
    const r = plan(
      ["SKU", "Product", "Price", "Weight (g)", "Barcodes"],
      [
        ["MUG", "", "", "", "6291041500214"],
        ["NEW-1", "Cup", "5", "100", "X-1"],
        ["NEW-2", "Cup", "5", "100", "x-1"],
      ],
    );
    expect(r.problems.map((p) => [p.row, p.rule, p.params])).toEqual([
      [2, "codeCheckDigit", { code: "6291041500214" }],
      [4, "codeRepeated", { code: "x-1", row: 3 }],
    ]);
  });
});
