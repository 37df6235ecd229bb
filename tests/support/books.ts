// A store's books after a load with kills in it (the crash check, the two-server suite): its wallet's balance and
// the sum of its ledger, the label debits and refunds, and the carrier labels issued or still pending.
import type pg from "pg";

export type Books = { balance: number; ledger: number; debits: number; refunds: number; labels: number; pending: number };

export async function walletBooks(sql: pg.Pool, storeId: string): Promise<Books> {
  const row = (
    await sql.query(
      `SELECT w.balance, (SELECT coalesce(sum(amount), 0) FROM wallet_entries e WHERE e."storeId" = w."storeId") AS ledger,
         (SELECT count(*) FROM wallet_entries e WHERE e."storeId" = w."storeId" AND kind = 'LABEL') AS debits,
         (SELECT count(*) FROM wallet_entries e WHERE e."storeId" = w."storeId" AND kind = 'REFUND') AS refunds,
         (SELECT count(*) FROM shipments s WHERE s."storeId" = w."storeId" AND s.kind = 'CARRIER' AND s.status NOT IN ('FAILED', 'VOIDED', 'PENDING')) AS labels,
         (SELECT count(*) FROM shipments s WHERE s."storeId" = w."storeId" AND s.status = 'PENDING') AS pending
       FROM wallets w WHERE w."storeId" = $1`,
      [storeId],
    )
  ).rows[0];
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Books;
}
