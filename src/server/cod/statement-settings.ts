// Settings → Cash on delivery → Carriers' statements: the columns each carrier's statement file is read by.
import type { StoreContext } from "@/server/auth/context";
import { db } from "@/server/db/client";
import { CARRIER_IDS, type CarrierId } from "@/server/shipping/carriers";
import { columnsFor, type StatementColumns } from "./statement-columns";

/** Every carrier's columns as the store reads them now (its own, or the carrier's usual ones). */
export async function getStatementColumns(ctx: StoreContext): Promise<Record<CarrierId, StatementColumns>> {
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { codStatementColumns: true } });
  return Object.fromEntries(CARRIER_IDS.map((c) => [c, columnsFor(store.codStatementColumns, c)])) as Record<CarrierId, StatementColumns>;
}

/** One carrier's columns, written into the store's document in one statement: two people saving two carriers keep both. */
export async function saveStatementColumns(ctx: StoreContext, carrier: CarrierId, columns: StatementColumns): Promise<void> {
  await db.$executeRaw`
    UPDATE stores SET "codStatementColumns" = jsonb_set("codStatementColumns", ARRAY[${carrier}]::text[], ${JSON.stringify(columns)}::jsonb, true)
    WHERE id = ${ctx.storeId}::uuid`;
}
