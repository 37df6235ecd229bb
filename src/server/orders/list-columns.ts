// The orders list's columns besides the number: which exist, which show by default, and reading a
// choice from the URL (`cols=date,customer,total`). Pure: the list and the column chooser share it.

export const LIST_COLUMNS = ["date", "customer", "items", "total", "payment", "status", "city", "tags"] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];

export const DEFAULT_LIST_COLUMNS: readonly ListColumn[] = ["date", "customer", "items", "total", "payment", "status", "tags"];

/** The columns a `cols` parameter names, in the list's own order; the defaults when it names none. */
export function readColumns(param: string | undefined): ListColumn[] {
  if (param === undefined) return [...DEFAULT_LIST_COLUMNS];
  const asked = new Set(param.split(","));
  return LIST_COLUMNS.filter((c) => asked.has(c));
}
