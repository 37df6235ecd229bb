// Each test file's worker gets its own database, cloned from the migrated template in tens of
// milliseconds. VITEST_WORKER_ID is unique per worker; VITEST_POOL_ID alone is not (vitest 4 gives
// parallel workers the same one), and a shared database lets one file's job runs touch another's.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

// Session cookies are signed: a secret of this run's own, as an installation generates its own.
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");

const TEMPLATE = "tajer_template";
const adminUrl = inject("adminDatabaseUrl");
const name = `tajer_test_${process.env.VITEST_WORKER_ID ?? process.env.VITEST_POOL_ID ?? "1"}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

if (inject("cluster")) {
  // The cluster's one database, shared by the files, which run one at a time. Each file starts from empty
  // tables, as it does from its own clone elsewhere: the job queue, the installation's settings and every
  // store's rows (sweeps and reconciliations read every store) are emptied first.
  process.env.DATABASE_URL = adminUrl;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Only the tables with rows: a distributed TRUNCATE takes seconds even of empty shards.
    const tables = (
      await admin.query<{ name: string }>(
        `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      )
    ).rows.map((r) => r.name);
    const filled = (await admin.query<{ name: string }>(tables.map((t) => `SELECT '${t}' AS name WHERE EXISTS (SELECT 1 FROM ${t})`).join(" UNION ALL "))).rows;
    if (filled.length) await admin.query(`TRUNCATE ${filled.map((r) => r.name).join(", ")} CASCADE`);
  } finally {
    await admin.end();
  }
} else if (process.env.DATABASE_URL !== url.toString()) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Cloning needs the template to itself: workers take turns.
  await admin.query("select pg_advisory_lock(7291)");
  try {
    const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await admin.query(`create database "${name}" template "${TEMPLATE}"`);
  } finally {
    await admin.query("select pg_advisory_unlock(7291)");
    await admin.end();
  }
  process.env.DATABASE_URL = url.toString();
}
process.env.DATABASE_POOL_SIZE ??= "30";
