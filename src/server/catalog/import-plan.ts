// Reading a products-and-stock file (pure: no I/O). The file is a sheet whose first row names the columns,
// in either language or as plain keys; each row after it is one variant, keyed by its SKU. A row whose SKU
// the store already sells changes only the cells that are filled; a new SKU makes a variant (and its
// product, by name). "Stock: <branch>" columns set the quantity on hand at that branch. Every problem is
// a row, a column and a catalog rule, so the page says it in the reader's language; a file with any
// problem is not applied at all.

import { MAX_BIN_LENGTH, MAX_CODES_PER_VARIANT, readCode, splitCodes } from "@/lib/barcode";

export const IMPORT_FIELDS = ["sku", "product", "option", "price", "weight", "length", "width", "height", "active", "barcodes"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
/** Problems kept and shown: past this the page says how many more there are. */
export const MAX_PROBLEMS_SHOWN = 200;
export const MAX_SKU = 64;
export const MAX_PRODUCT_NAME = 200;
export const MAX_OPTION = 100;
export const MAX_WEIGHT_GRAMS = 1_000_000;
export const MAX_DIMENSION_MM = 10_000;
export const MAX_STOCK = 1_000_000;
const MAX_PRICE_MINOR = 2_147_483_647;

/** The words of a header row in one language: each field's heading, and the prefixes of a stock and a bin column. */
export type Headings = Record<ImportField, string> & { stockPrefix: string; binPrefix: string };

/** Plain keys a script may write, read beside the headings of both languages. */
export const KEY_HEADINGS: Headings = {
  sku: "sku",
  product: "product",
  option: "option",
  price: "price",
  weight: "weight_g",
  length: "length_mm",
  width: "width_mm",
  height: "height_mm",
  active: "active",
  barcodes: "barcodes",
  stockPrefix: "stock:",
  binPrefix: "bin:",
};

/** Every problem a file can have; each has words in both catalogs (`catalogImport.problems`). */
export const PROBLEM_RULES = [
  "fileEmpty",
  "unreadable",
  "tooManyRows",
  "unclosedQuote",
  "noSkuColumn",
  "unknownColumn",
  "duplicateColumn",
  "unknownBranch",
  "ambiguousBranch",
  "required",
  "skuRequired",
  "tooLong",
  "controlCharacters",
  "duplicateSku",
  "notAmount",
  "decimalComma",
  "tooManyDecimals",
  "tooLarge",
  "notWholeNumber",
  "notYesNo",
  "productNameConflict",
  "codeCheckDigit",
  "codeFormat",
  "codeRepeated",
  "tooManyCodes",
] as const;
export type ProblemRule = (typeof PROBLEM_RULES)[number];

/** `column` is the heading as the file writes it; `field` names a column the file lacks (shown by its heading in the reader's language). */
export type ImportProblem = { row: number; column: string | null; field?: ImportField; rule: ProblemRule; params?: Record<string, string | number> };

export type VariantFields = {
  optionLabel: string;
  price: number;
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  active: boolean;
};

export type ExistingVariant = VariantFields & { id: string; sku: string; productId: string; productName: string };
export type ImportBranch = { id: string; name: string };

export type ImportPlan = {
  newProducts: { ref: string; name: string }[];
  renamedProducts: { productId: string; from: string; to: string; row: number }[];
  newVariants: (VariantFields & { row: number; sku: string; product: { id: string } | { ref: string }; productName: string })[];
  changedVariants: { row: number; id: string; sku: string; productName: string; before: VariantFields; after: VariantFields }[];
  stock: { row: number; sku: string; variantId: string | null; branchId: string; from: number | null; to: number }[];
  /** A variant's codes replaced by the row's (kept as `readCode` keys); absent from previews read before codes were imported. */
  codes?: { row: number; sku: string; variantId: string | null; from: string[]; to: string[] }[];
  /** A variant's bin at a branch set by the row. */
  bins?: { row: number; sku: string; variantId: string | null; branchId: string; from: string | null; to: string }[];
  unchangedRows: number;
};

export const emptyPlan = (): ImportPlan => ({
  newProducts: [],
  renamedProducts: [],
  newVariants: [],
  changedVariants: [],
  stock: [],
  codes: [],
  bins: [],
  unchangedRows: 0,
});

/** For matching names and headings: one form of every spelling that means the same to a reader. */
export function foldText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Arabic-Indic and Persian digits and separators as Western ones; spaces around taken off. */
export function westernDigits(text: string): string {
  return text
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/٫/g, ".")
    .replace(/٬/g, ",")
    .replace(/[\s\u00a0\u202f]/g, "");
}

type CellResult<T> = { value: T } | { rule: ProblemRule; params?: Record<string, string | number> };

/** A price in the currency's major unit ("149.5", "1,250.00", "١٤٩٫٥٠") → minor units, exactly, or the rule it breaks. */
export function readAmount(text: string, digits: number): CellResult<number> {
  let t = westernDigits(text);
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, "");
  if (/^\d+,\d+$/.test(t)) return { rule: "decimalComma" };
  const match = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (!match) return { rule: "notAmount" };
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > digits) return { rule: "tooManyDecimals", params: { n: digits } };
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || 0);
  if (!Number.isSafeInteger(minor) || minor > MAX_PRICE_MINOR) return { rule: "tooLarge" };
  return { value: minor };
}

/** A whole number from 0 to max ("12", "١٢", and "12.0" as a spreadsheet may store it). */
export function readCount(text: string, max: number): CellResult<number> {
  const t = westernDigits(text).replace(/^(\d+)\.0+$/, "$1");
  if (!/^\d+$/.test(t)) return { rule: "notWholeNumber" };
  const n = Number(t);
  if (n > max) return { rule: "tooLarge", params: { max } };
  return { value: n };
}

const YES = new Set(["yes", "y", "true", "1", "active", "on", "نعم", "صح", "نشط", "مفعل", "مفعّل"]);
const NO = new Set(["no", "n", "false", "0", "inactive", "off", "لا", "خطأ", "غير نشط", "متوقف", "موقوف"]);

export function readYesNo(text: string): CellResult<boolean> {
  const t = foldText(text).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  if (YES.has(t)) return { value: true };
  if (NO.has(t)) return { value: false };
  return { rule: "notYesNo" };
}

// Controls a person cannot see: they make two SKUs that look the same, or break the text's direction.
const HIDDEN = /[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

function readText(text: string, max: number, allowEmpty: boolean): CellResult<string> {
  const t = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (HIDDEN.test(t)) return { rule: "controlCharacters" };
  if (!t && !allowEmpty) return { rule: "required" };
  if ([...t].length > max) return { rule: "tooLong", params: { max } };
  return { value: t };
}

export type Column = { index: number; heading: string } & ({ field: ImportField } | { branchId: string } | { binBranchId: string });

/** The header row → which column is which; a column it cannot place is a problem (row 1), never skipped. */
export function readHeader(
  cells: readonly string[],
  headings: readonly Headings[],
  branches: readonly ImportBranch[],
): { columns: Column[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const columns: Column[] = [];
  const byName = new Map<string, ImportBranch[]>();
  for (const b of branches) byName.set(foldText(b.name), [...(byName.get(foldText(b.name)) ?? []), b]);
  const seen = new Map<string, string>();
  cells.forEach((raw, index) => {
    const heading = raw.replace(/^\uFEFF/, "").trim();
    const folded = foldText(heading);
    if (!folded) return;
    let column: Column | null = null;
    for (const h of headings) {
      const field = IMPORT_FIELDS.find((f) => foldText(h[f]) === folded);
      if (field) {
        column = { index, heading, field };
        break;
      }
      const prefix = [foldText(h.stockPrefix), foldText(h.binPrefix)].find((p) => folded.startsWith(p));
      if (prefix) {
        const name = folded.slice(prefix.length).trim();
        const found = byName.get(name) ?? [];
        if (found.length === 1)
          column = prefix === foldText(h.binPrefix) ? { index, heading, binBranchId: found[0].id } : { index, heading, branchId: found[0].id };
        else {
          problems.push({ row: 1, column: heading, rule: found.length ? "ambiguousBranch" : "unknownBranch", params: { name: heading } });
          return;
        }
        break;
      }
    }
    if (!column) {
      problems.push({ row: 1, column: heading, rule: "unknownColumn", params: { name: heading } });
      return;
    }
    const key = "field" in column ? column.field : "branchId" in column ? `stock:${column.branchId}` : `bin:${column.binBranchId}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ row: 1, column: heading, rule: "duplicateColumn", params: { name: first } });
      return;
    }
    seen.set(key, heading);
    columns.push(column);
  });
  if (!columns.some((c) => "field" in c && c.field === "sku") && !problems.length) problems.push({ row: 1, column: null, rule: "noSkuColumn" });
  return { columns, problems };
}

export type PlanInput = {
  /** Data rows as read, each with its number in the sheet (the header is row 1). */
  rows: readonly { row: number; cells: readonly string[] }[];
  columns: readonly Column[];
  currencyDigits: number;
  /** The store's variants whose SKUs the file names. */
  existing: ReadonlyMap<string, ExistingVariant>;
  /** The store's products, by folded name, for new variants that name one (the oldest when names repeat). */
  productsByName: ReadonlyMap<string, { id: string; name: string }>;
  /** Quantities on hand now, by `${variantId}|${branchId}`. */
  stock: ReadonlyMap<string, number>;
  /** Bins now, by `${variantId}|${branchId}`, and each variant's codes (keys) by its id. */
  bins?: ReadonlyMap<string, string>;
  codes?: ReadonlyMap<string, string[]>;
};

const DIMENSIONS = [
  ["weight", "weightGrams", MAX_WEIGHT_GRAMS],
  ["length", "lengthMm", MAX_DIMENSION_MM],
  ["width", "widthMm", MAX_DIMENSION_MM],
  ["height", "heightMm", MAX_DIMENSION_MM],
] as const;

/** The file's rows against what the store holds → what applying it would do, and every problem on the way. */
export function planImport(input: PlanInput): { plan: ImportPlan; problems: ImportProblem[] } {
  const plan = emptyPlan();
  const problems: ImportProblem[] = [];
  const cellOf = (cells: readonly string[], field: ImportField) => {
    const c = input.columns.find((col) => "field" in col && col.field === field);
    return c ? { text: (cells[c.index] ?? "").trim(), heading: c.heading } : null;
  };
  const skuRows = new Map<string, number>();
  // Each code the file names, with the first row (and SKU) that named it: one code names one variant.
  const codeRows = new Map<string, { row: number; sku: string }>();
  // A product's name as the file leaves it: existing products renamed by their rows, new ones by name.
  const renames = new Map<string, { to: string; row: number; from: string }>();
  const newProductRefs = new Map<string, string>();
  const pendingNew: { row: number; sku: string; name: string; fields: VariantFields; stock: ImportPlan["stock"] }[] = [];

  for (const { row, cells } of input.rows) {
    const say = (column: string | null, r: { rule: ProblemRule; params?: Record<string, string | number> }) => problems.push({ row, column, ...r });
    const before = problems.length;
    const skuCell = cellOf(cells, "sku")!;
    const sku = readText(skuCell.text, MAX_SKU, false);
    if ("rule" in sku) {
      say(skuCell.heading, sku.rule === "required" ? { rule: "skuRequired" } : sku);
      continue;
    }
    // SKUs are told apart exactly as the store keeps them (and as orders name them): "a-1" is not "A-1".
    const skuKey = sku.value;
    const firstRow = skuRows.get(skuKey);
    if (firstRow !== undefined) {
      say(skuCell.heading, { rule: "duplicateSku", params: { row: firstRow } });
      continue;
    }
    skuRows.set(skuKey, row);
    const existing = input.existing.get(sku.value) ?? null;

    const read = <T>(field: ImportField, reader: (text: string) => CellResult<T>): T | undefined => {
      const cell = cellOf(cells, field);
      if (!cell || cell.text === "") {
        if (!existing && (field === "product" || field === "price" || field === "weight"))
          problems.push({ row, column: cell?.heading ?? null, ...(cell ? {} : { field }), rule: "required" });
        return undefined;
      }
      const r = reader(cell.text);
      if ("rule" in r) {
        say(cell.heading, r);
        return undefined;
      }
      return r.value;
    };
    const productName = read("product", (t) => readText(t, MAX_PRODUCT_NAME, false));
    const optionLabel = read("option", (t) => readText(t, MAX_OPTION, true));
    const price = read("price", (t) => readAmount(t, input.currencyDigits));
    const dims = Object.fromEntries(DIMENSIONS.map(([field, key, max]) => [key, read(field, (t) => readCount(t, max))])) as Partial<
      Record<"weightGrams" | "lengthMm" | "widthMm" | "heightMm", number>
    >;
    const active = read("active", readYesNo);
    const stock: ImportPlan["stock"] = [];
    for (const c of input.columns) {
      if (!("branchId" in c)) continue;
      const text = (cells[c.index] ?? "").trim();
      if (text === "") continue;
      const r = readCount(text, MAX_STOCK);
      if ("rule" in r) {
        say(c.heading, r);
        continue;
      }
      const from = existing ? (input.stock.get(`${existing.id}|${c.branchId}`) ?? null) : null;
      // A branch without a stock row holds none: writing 0 there changes nothing.
      if ((from ?? 0) !== r.value) stock.push({ row, sku: sku.value, variantId: existing?.id ?? null, branchId: c.branchId, from, to: r.value });
    }
    const codeCell = cellOf(cells, "barcodes");
    let codes: NonNullable<ImportPlan["codes"]>[number] | null = null;
    if (codeCell && codeCell.text !== "") {
      const keys: string[] = [];
      const listed = splitCodes(codeCell.text);
      if (listed.length > MAX_CODES_PER_VARIANT) say(codeCell.heading, { rule: "tooManyCodes", params: { max: MAX_CODES_PER_VARIANT } });
      for (const raw of listed.slice(0, MAX_CODES_PER_VARIANT)) {
        const read = readCode(raw);
        if ("problem" in read) {
          say(codeCell.heading, { rule: read.problem, params: { code: raw } });
          continue;
        }
        const other = codeRows.get(read.key);
        if (other && other.sku !== sku.value) say(codeCell.heading, { rule: "codeRepeated", params: { code: raw, row: other.row } });
        else if (!keys.includes(read.key)) keys.push(read.key);
        codeRows.set(read.key, { row, sku: sku.value });
      }
      const from = existing ? (input.codes?.get(existing.id) ?? []) : [];
      if ([...from].sort().join(" ") !== [...keys].sort().join(" ")) codes = { row, sku: sku.value, variantId: existing?.id ?? null, from, to: keys };
    }
    const bins: NonNullable<ImportPlan["bins"]> = [];
    for (const c of input.columns) {
      if (!("binBranchId" in c)) continue;
      const text = (cells[c.index] ?? "").trim();
      if (text === "") continue;
      const r = readText(text, MAX_BIN_LENGTH, false);
      if ("rule" in r) {
        say(c.heading, r);
        continue;
      }
      const from = existing ? (input.bins?.get(`${existing.id}|${c.binBranchId}`) ?? null) : null;
      if (from !== r.value) bins.push({ row, sku: sku.value, variantId: existing?.id ?? null, branchId: c.binBranchId, from, to: r.value });
    }
    if (problems.length > before) continue;
    if (codes) plan.codes!.push(codes);
    plan.bins!.push(...bins);

    if (existing) {
      const after: VariantFields = {
        optionLabel: optionLabel ?? existing.optionLabel,
        price: price ?? existing.price,
        weightGrams: dims.weightGrams ?? existing.weightGrams,
        lengthMm: dims.lengthMm ?? existing.lengthMm,
        widthMm: dims.widthMm ?? existing.widthMm,
        heightMm: dims.heightMm ?? existing.heightMm,
        active: active ?? existing.active,
      };
      const beforeFields: VariantFields = {
        optionLabel: existing.optionLabel,
        price: existing.price,
        weightGrams: existing.weightGrams,
        lengthMm: existing.lengthMm,
        widthMm: existing.widthMm,
        heightMm: existing.heightMm,
        active: existing.active,
      };
      let renamed = false;
      if (productName !== undefined && productName !== existing.productName) {
        const earlier = renames.get(existing.productId);
        if (earlier && earlier.to !== productName) {
          say(cellOf(cells, "product")!.heading, { rule: "productNameConflict", params: { row: earlier.row } });
          continue;
        }
        if (!earlier) renames.set(existing.productId, { to: productName, row, from: existing.productName });
        renamed = true;
      } else if (productName !== undefined && renames.has(existing.productId)) {
        const earlier = renames.get(existing.productId)!;
        say(cellOf(cells, "product")!.heading, { rule: "productNameConflict", params: { row: earlier.row } });
        continue;
      }
      const changed = (Object.keys(after) as (keyof VariantFields)[]).some((k) => after[k] !== beforeFields[k]);
      if (changed)
        plan.changedVariants.push({
          row,
          id: existing.id,
          sku: sku.value,
          productName: renames.get(existing.productId)?.to ?? existing.productName,
          before: beforeFields,
          after,
        });
      plan.stock.push(...stock);
      if (!changed && !stock.length && !renamed && !codes && !bins.length) plan.unchangedRows++;
    } else {
      pendingNew.push({
        row,
        sku: sku.value,
        name: productName!,
        fields: {
          optionLabel: optionLabel ?? "",
          price: price!,
          weightGrams: dims.weightGrams!,
          lengthMm: dims.lengthMm ?? 0,
          widthMm: dims.widthMm ?? 0,
          heightMm: dims.heightMm ?? 0,
          active: active ?? true,
        },
        stock,
      });
    }
  }

  for (const [productId, r] of renames) plan.renamedProducts.push({ productId, from: r.from, to: r.to, row: r.row });
  // New variants join a product by the name it will have once the file is applied: a renamed one, an
  // existing one, or one the file makes (rows of the same new name make one product).
  const finalNames = new Map<string, { id: string; name: string }>();
  for (const [folded, p] of input.productsByName) if (!renames.has(p.id)) finalNames.set(folded, p);
  for (const [productId, r] of renames) if (!finalNames.has(foldText(r.to))) finalNames.set(foldText(r.to), { id: productId, name: r.to });
  for (const n of pendingNew) {
    const folded = foldText(n.name);
    const found = finalNames.get(folded);
    let product: { id: string } | { ref: string };
    let name = n.name;
    if (found) {
      product = { id: found.id };
      name = found.name;
    } else {
      let ref = newProductRefs.get(folded);
      if (!ref) {
        ref = `new-${newProductRefs.size + 1}`;
        newProductRefs.set(folded, ref);
        plan.newProducts.push({ ref, name: n.name });
      } else name = plan.newProducts.find((p) => p.ref === ref)!.name;
      product = { ref };
    }
    plan.newVariants.push({ row: n.row, sku: n.sku, product, productName: name, ...n.fields });
    plan.stock.push(...n.stock);
  }
  return { plan, problems };
}

/** How many things the plan changes, for the summary above the preview. */
export function planCounts(plan: ImportPlan) {
  return {
    newProducts: plan.newProducts.length,
    renamedProducts: plan.renamedProducts.length,
    newVariants: plan.newVariants.length,
    changedVariants: plan.changedVariants.length,
    stockChanges: plan.stock.length,
    codeChanges: plan.codes?.length ?? 0,
    binChanges: plan.bins?.length ?? 0,
    unchangedRows: plan.unchangedRows,
  };
}
