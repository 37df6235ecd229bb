// npm run bench:seed — the benchmark data set in its own database (never the demo's): 1,000 stores and
// 1,000,000 orders, one store holding 200,000, ~2.5M items, 300,000 customers, with tags, events,
// shipments and wallet ledgers. Generated set-based inside Postgres by bench/seed.sql.
//   BENCH_DATABASE_URL  a server to use (the database tajer_bench is created on it); default: an
//                       embedded Postgres in .data/bench on port 54330
//   BENCH_PG_DIR, BENCH_PG_PORT  where that embedded Postgres lives
//   BENCH_ORDERS, BENCH_STORES, BENCH_BIG_STORE_ORDERS, BENCH_CUSTOMERS  the sizes
//   BENCH_CLUSTER=1     on the Citus cluster instead (scripts/cluster-nodes.ts: the three nodes started when
//                       they are not running): tajer_bench made on every node and joined, the migrations, the
//                       distribution step, then the same rows. The nodes stay up; `npm run cluster:down` stops them.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../src/server/db/embedded-postgres";
import { deployMigrations } from "../src/server/db/migrations";
import { distribute } from "../src/server/db/distribution";

export type BenchSizes = { orders: number; stores: number; bigStoreOrders: number; customers: number };

export function benchSizes(env = process.env): BenchSizes {
  const orders = Number(env.BENCH_ORDERS ?? 1_000_000);
  return {
    orders,
    stores: Number(env.BENCH_STORES ?? Math.max(2, Math.round(orders / 1000))),
    bigStoreOrders: Number(env.BENCH_BIG_STORE_ORDERS ?? Math.round(orders / 5)),
    customers: Number(env.BENCH_CUSTOMERS ?? Math.round(orders * 0.3)),
  };
}

/** The bench database's URL, starting an embedded Postgres when no server is given. */
export async function benchDatabase(log: (m: string) => void): Promise<{ url: string; admin: string; postgres: EmbeddedPostgres | null }> {
  if (benchOnCluster()) {
    const nodes = await import("./cluster-nodes");
    nodes.startNodes();
    const port = nodes.NODES[0].port;
    return { url: nodes.url(port, "tajer_bench"), admin: nodes.url(port, "postgres"), postgres: null };
  }
  if (process.env.BENCH_DATABASE_URL) {
    const url = new URL(process.env.BENCH_DATABASE_URL);
    const admin = new URL(url);
    admin.pathname = "/postgres";
    url.pathname = "/tajer_bench";
    return { url: url.toString(), admin: admin.toString(), postgres: null };
  }
  const postgres = await startEmbeddedPostgres({
    dataDir: path.resolve(process.env.BENCH_PG_DIR ?? ".data/bench/pg"),
    port: Number(process.env.BENCH_PG_PORT ?? 54330),
    log,
  });
  return { url: postgres.url("tajer_bench"), admin: postgres.url("postgres"), postgres };
}

/** BENCH_CLUSTER=1: the data set on the Citus cluster (never in the check, which runs on one server). */
export const benchOnCluster = () => process.env.BENCH_CLUSTER === "1" && process.env.BENCH_CHECK !== "1";

// Built in bulk after the rows are in: far faster than keeping them up to date row by row.
const DEFERRED_INDEXES = [
  "orders_search_trgm",
  "orders_storeId_status_placedAt_id_idx",
  "orders_storeId_placedAt_id_idx",
  "orders_storeId_customerId_placedAt_idx",
  "orders_storeId_total_id_idx",
  "order_events_storeId_orderId_createdAt_idx",
  "order_items_storeId_orderId_idx",
];

export async function seedBench(url: string, admin: string, sizes: BenchSizes, log: (m: string) => void) {
  const started = Date.now();
  if (benchOnCluster()) {
    await (await import("./cluster-nodes")).joinDatabase("tajer_bench", { fresh: true });
    await deployMigrations(url);
    for (const line of await distribute(url)) log(line);
  } else {
    const root = new pg.Client({ connectionString: admin });
    await root.connect();
    await root.query("DROP DATABASE IF EXISTS tajer_bench WITH (FORCE)");
    await root.query("CREATE DATABASE tajer_bench");
    await root.end();
    await deployMigrations(url);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const definitions = (
      await client.query<{ indexname: string; indexdef: string }>("SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY($1)", [DEFERRED_INDEXES])
    ).rows;
    for (const d of definitions) await client.query(`DROP INDEX "${d.indexname}"`);
    // The rows are generated consistent, so foreign-key triggers are skipped while loading (replica
    // mode); the keys themselves are in place and checked by every later write.
    await client.query("SET maintenance_work_mem = '256MB'; SET work_mem = '64MB'; SET synchronous_commit = off; SET session_replication_role = replica");
    const sql = fs
      .readFileSync(path.resolve("bench/seed.sql"), "utf8")
      .replaceAll(":big_store_customers", String(Math.round(sizes.customers / 5)))
      .replaceAll(":big_store_orders", String(sizes.bigStoreOrders))
      .replaceAll(":orders", String(sizes.orders))
      .replaceAll(":stores", String(sizes.stores))
      .replaceAll(":customers", String(sizes.customers));
    const rows = Date.now();
    if (benchOnCluster()) {
      // The shards' triggers would fire row by row on the workers, each a distributed statement of its own: a
      // worker ran out of memory at 200,000 orders that way. A SET LOCAL in a transaction is what Citus passes
      // on to the workers' connections, so the load is one transaction with the triggers off there too.
      await client.query("SET citus.propagate_set_commands = 'local'");
      // Each its own message: Citus passes on the text of the message a SET came in, all of it.
      await client.query("BEGIN");
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query(sql);
      await client.query("COMMIT");
    } else await client.query(sql);
    await client.query("SET session_replication_role = origin");
    log(`rows in ${((Date.now() - rows) / 1000).toFixed(1)} s`);
    // The rollups' triggers did not run while loading: the days are counted from the orders, and the carriers'
    // days from the shipments, set by set.
    const days = Date.now();
    await client.query("SELECT tajer_rebuild_daily()");
    await client.query("SELECT tajer_rebuild_carrier_daily()");
    log(`daily rollups in ${((Date.now() - days) / 1000).toFixed(1)} s`);
    const indexes = Date.now();
    for (const d of definitions) await client.query(d.indexdef);
    log(`indexes in ${((Date.now() - indexes) / 1000).toFixed(1)} s`);
    await client.query("ANALYZE");
    const counts = (
      await client.query(
        "SELECT (SELECT count(*) FROM stores) AS stores, (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_items) AS items, (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM order_events) AS events, (SELECT count(*) FROM shipments) AS shipments, (SELECT count(*) FROM wallet_entries) AS ledger",
      )
    ).rows[0];
    log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
    return { seconds: (Date.now() - started) / 1000, counts };
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const log = (m: string) => console.log("[bench:seed]", m);
  const { url, admin, postgres } = await benchDatabase(log);
  try {
    await seedBench(url, admin, benchSizes(), log);
    log(`BENCH_DATABASE=${url}`);
  } finally {
    await postgres?.stop();
  }
}
