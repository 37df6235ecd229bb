import type { Db, Tx } from "@/server/db/client";
import { AppError } from "@/server/errors/app-error";
import type { WalletEntryKind } from "@/generated/prisma/enums";

type Entry = { kind: WalletEntryKind; orderId?: string | null; shipmentId?: string | null; reference?: string | null; actorName?: string | null };

/** What a store's wallet starts with, in its store's currency: nothing in it, a warning under 50.00. */
export const NEW_WALLET = { balance: 0, lowBalanceThreshold: 5000 } as const;

/** Makes sure the store has a wallet row (a new store starts at zero). */
export async function ensureWallet(client: Tx | Db, storeId: string) {
  await client.$executeRaw`
    INSERT INTO wallets ("storeId", balance, currency, "lowBalanceThreshold", "updatedAt")
    SELECT id, ${NEW_WALLET.balance}::int, currency, ${NEW_WALLET.lowBalanceThreshold}::int, now() FROM stores WHERE id = ${storeId}::uuid
    ON CONFLICT ("storeId") DO NOTHING`;
}

/**
 * Takes `amount` from the wallet inside the caller's transaction, or refuses with both amounts. The
 * balance check and the change are one conditional UPDATE: concurrent debits can never overdraw it.
 */
export async function debitWallet(tx: Tx, storeId: string, amount: number, entry: Entry): Promise<number> {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`debit must be a positive whole amount, got ${amount}`);
  await ensureWallet(tx, storeId);
  const rows = await tx.$queryRaw<{ balance: number }[]>`
    UPDATE wallets SET balance = balance - ${amount}, "updatedAt" = now()
    WHERE "storeId" = ${storeId}::uuid AND balance >= ${amount}
    RETURNING balance`;
  if (!rows.length) {
    const wallet = await tx.wallet.findUniqueOrThrow({ where: { storeId } });
    throw new AppError("INSUFFICIENT_BALANCE", `Your wallet balance (${wallet.balance}) does not cover this (${amount}). Top up your wallet.`, {
      details: { balance: wallet.balance, required: amount, currency: wallet.currency },
      say: {
        key: "insufficientBalance",
        params: { balance: { money: wallet.balance, currency: wallet.currency }, amount: { money: amount, currency: wallet.currency } },
      },
    });
  }
  await record(tx, storeId, -amount, rows[0].balance, entry);
  return rows[0].balance;
}

/** Adds `amount` to the wallet inside the caller's transaction (top-ups, refunds of voided labels). */
export async function creditWallet(tx: Tx, storeId: string, amount: number, entry: Entry): Promise<number> {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`credit must be a positive whole amount, got ${amount}`);
  await ensureWallet(tx, storeId);
  const [{ balance }] = await tx.$queryRaw<{ balance: number }[]>`
    UPDATE wallets SET balance = balance + ${amount}, "updatedAt" = now() WHERE "storeId" = ${storeId}::uuid RETURNING balance`;
  await record(tx, storeId, amount, balance, entry);
  return balance;
}

async function record(tx: Tx, storeId: string, amount: number, balanceAfter: number, entry: Entry) {
  await tx.walletEntry.create({
    data: {
      storeId,
      kind: entry.kind,
      amount,
      balanceAfter,
      orderId: entry.orderId ?? null,
      shipmentId: entry.shipmentId ?? null,
      reference: entry.reference ?? null,
      actorName: entry.actorName ?? null,
    },
  });
}
