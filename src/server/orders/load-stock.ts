import type { Tx, Db } from "@/server/db/client";
import type { StockTable } from "./availability";

/** Stock on hand for these variants at every branch of the store, as a lookup table. */
export async function loadStock(client: Tx | Db, storeId: string, variantIds: readonly (string | null)[]): Promise<StockTable> {
  const ids = [...new Set(variantIds.filter((v): v is string => !!v))];
  if (!ids.length) return {};
  const rows = await client.stockLevel.findMany({
    where: { storeId, variantId: { in: ids } },
    select: { variantId: true, branchId: true, quantity: true },
  });
  const table: StockTable = {};
  for (const r of rows) (table[r.variantId] ??= {})[r.branchId] = r.quantity;
  return table;
}
