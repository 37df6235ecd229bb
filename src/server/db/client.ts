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

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForDb.tajerDb ??= createClient();
    const value = Reflect.get(globalForDb.tajerDb, property);
    return typeof value === "function" ? value.bind(globalForDb.tajerDb) : value;
  },
});
