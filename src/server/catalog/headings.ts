import en from "../../../messages/en.json";
import ar from "../../../messages/ar.json";
import { IMPORT_FIELDS, KEY_HEADINGS, type Headings, type ImportField } from "./import-plan";

type Catalog = typeof en;
const headingsOf = (catalog: Catalog): Headings => ({
  ...(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, catalog.catalogImport.columns[f]])) as Record<ImportField, string>),
  stockPrefix: catalog.catalogImport.columns.stockPrefix,
  binPrefix: catalog.catalogImport.columns.binPrefix,
});

/** The column headings an import reads: the template's in either language, and plain keys. */
export const IMPORT_HEADINGS: readonly Headings[] = [headingsOf(en), headingsOf(ar as Catalog), KEY_HEADINGS];

/** The headings a template or an export writes, in the reader's language. */
export const headingsFor = (locale: "en" | "ar"): Headings => headingsOf((locale === "ar" ? ar : en) as Catalog);
