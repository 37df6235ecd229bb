// npm run cluster:up     a Citus cluster on loopback: a coordinator and two workers (PostgreSQL 15 + Citus
//                        13.2.2), today's migrations applied on the coordinator, then the distribution step
// npm run cluster:up -- --apps 2
//                        the same, then the demo stores, PgBouncer in transaction mode, two app servers (the
//                        production build), the job worker and HAProxy in front (scripts/topology.ts)
// npm run cluster:down   stops the app side and the three nodes (their data stays under .data/cluster)
// npm run cluster:status the nodes, and where each table lives
//
// PostgreSQL 15 comes from Debian's `postgresql-15` package, Citus from the build in the vendor folder
// (vendor/citus, or the folder CITUS_VENDOR names). Installing
// either needs root; without root the script says what to install and stops. The nodes run as the
// `postgres` user when started by root (PostgreSQL refuses to run as root), as the caller otherwise.
// Ports: CLUSTER_PORT (default 55432) for the coordinator, the next two for the workers.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { deployMigrations } from "../src/server/db/migrations";
import { distribute, placement } from "../src/server/db/distribution";
import { buildIfNeeded } from "./build-if-needed";
import { asRoot, DB, joinDatabase, NODES, pgRun, query, say, startNodes, url } from "./cluster-nodes";
import { startTopology, stopTopology } from "./topology";

const root = process.cwd();
const base = NODES[0].port;

/** HAProxy and PgBouncer from Debian, for the app side. */
function ensureAppSide() {
  const missing = ["haproxy", "pgbouncer"].filter((p) => !fs.existsSync(`/usr/sbin/${p}`));
  if (!missing.length) return;
  if (!asRoot) {
    console.error(`[cluster] the app side needs ${missing.join(" and ")}. As root:\n  apt-get install -y ${missing.join(" ")}`);
    process.exit(2);
  }
  say(`installing ${missing.join(" and ")} from apt`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

async function up() {
  const apps = appCount();
  if (apps > 0) ensureAppSide();
  const dataDir = startNodes();
  const coordinatorUrl = await joinDatabase(DB);
  const coordinator = NODES[0];
  const applied = await deployMigrations(coordinatorUrl);
  say(`migrations: ${applied.length ? applied.join(", ") : "up to date"}`);
  const report = await distribute(coordinatorUrl);
  for (const line of report) say(line);
  let proxy: string | null = null;
  if (apps > 0) {
    // TAJER_FRESH_DB=1 (as for `npm start`): every table emptied first, so the demo stores are seeded afresh.
    if (process.env.TAJER_FRESH_DB === "1") {
      const tables = await query<{ name: string }>(
        coordinator.port,
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      );
      await query(coordinator.port, `TRUNCATE ${tables.map((t) => `"${t.name}"`).join(", ")} CASCADE`);
      say(`emptied ${tables.length} tables`);
    }
    if (process.env.TAJER_SEED !== "false") {
      process.env.DATABASE_URL = coordinatorUrl;
      const { db } = await import("../src/server/db/client");
      const { seedDemo } = await import("../src/server/seed/seed-demo");
      if (await seedDemo(db)) say("seeded the demo stores");
      await db.$disconnect();
    }
    buildIfNeeded((...parts) => say(parts.join(" ")));
    proxy = await startTopology({ dataRoot: dataDir, base, apps, coordinatorPort: coordinator.port, say });
  }
  console.log(coordinatorUrl);
  if (proxy) console.log(proxy);
}

/** `--apps N`: how many app servers to start behind the proxy (none without it). */
function appCount(): number {
  const i = process.argv.indexOf("--apps");
  if (i < 0) return 0;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1 || n > 8) {
    console.error("[cluster] --apps takes a number of app servers from 1 to 8");
    process.exit(2);
  }
  return n;
}

async function down() {
  const dataDir = path.join(root, ".data", "cluster");
  if (fs.existsSync(dataDir)) await stopTopology(fs.realpathSync(dataDir), say);
  for (const node of [...NODES].reverse()) {
    const dir = path.join(dataDir, node.name);
    if (!fs.existsSync(path.join(dir, "PG_VERSION"))) continue;
    const stopped = pgRun("pg_ctl", ["-D", fs.realpathSync(dir), "-m", "fast", "-w", "stop"], { allowFail: true });
    say(`${node.name}: ${stopped.status === 0 ? "stopped" : "was not running"}`);
  }
}

async function status() {
  const rows = await placement(url(NODES[0].port));
  for (const r of rows) console.log(`${r.table.padEnd(28)} ${r.kind}`);
}

const command = process.argv[2];
if (command === "up") await up();
else if (command === "down") await down();
else if (command === "status") await status();
else {
  console.error("usage: npm run cluster:up | cluster:down | cluster:status");
  process.exit(2);
}
process.exit(0);
