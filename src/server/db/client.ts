import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { settings } from "@/server/settings";
import { PrismaClient } from "@/generated/prisma/client";

export type Db = PrismaClient;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: settings().DATABASE_POOL_SIZE }),
    // A burst of writes queues for a pooled connection instead of failing after Prisma's default 2 s.
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
  });
}

// One client per process; Next's dev server re-evaluates modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { tajerDb?: PrismaClient };

/**
 * The database's "try again": a deadlock (40P01) or a serialization failure (40001), which Prisma reports as
 * P2034. PostgreSQL aborts one of the transactions in a lock cycle, and Citus one of a cycle across nodes; the
 * other goes on, and the aborted one left nothing behind.
 */
export function isWriteConflict(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } } | undefined, depth = 0; e && depth < 6; depth++) {
    if (e.code === "P2034" || e.code === "40P01" || e.code === "40001") return true;
    if ((e as { kind?: unknown }).kind === "TransactionWriteConflict") return true;
    e = (e.meta?.driverAdapterError ?? e.cause) as typeof e;
  }
  return false;
}

/** Tries of an interactive transaction aborted by a write conflict, the first included. */
export const TRANSACTION_TRIES = 3;

/**
 * An interactive transaction, run again from the start when the database aborted it for a write conflict:
 * up to TRANSACTION_TRIES times, after a short random pause (the two sides of a cycle do not meet again at
 * once). Its callback must do nothing outside the database that a second run would repeat; work for later
 * goes through the job queue, in the same transaction.
 */
async function transactionWithRetry(client: PrismaClient, ...args: Parameters<PrismaClient["$transaction"]>): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (client.$transaction as (...a: unknown[]) => Promise<unknown>)(...args);
    } catch (error) {
      if (attempt >= TRANSACTION_TRIES || !isWriteConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
    }
  }
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = (globalForDb.tajerDb ??= createClient());
    // Only the callback form is run again: a batch's queries are built once, by the caller.
    if (property === "$transaction")
      return (...args: Parameters<PrismaClient["$transaction"]>) =>
        typeof args[0] === "function" ? transactionWithRetry(client, ...args) : client.$transaction(...(args as [never]));
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
