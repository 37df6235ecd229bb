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
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { deployMigrations } from "../src/server/db/migrations";
import { distribute, placement } from "../src/server/db/distribution";
import { buildIfNeeded } from "./build-if-needed";
import { startTopology, stopTopology } from "./topology";

const PG_BIN = "/usr/lib/postgresql/15/bin";
const root = process.cwd();
const base = Number(process.env.CLUSTER_PORT ?? 55432);
const NODES = [
  { name: "coordinator", port: base },
  { name: "worker1", port: base + 1 },
  { name: "worker2", port: base + 2 },
];
const DB = "tajer";
const asRoot = process.getuid?.() === 0;
const say = (line: string) => console.log(`[cluster] ${line}`);
const url = (port: number, db = DB) => `postgresql://postgres@127.0.0.1:${port}/${db}`;

/** Where the nodes keep their data: .data/cluster, or, for root, a folder the postgres user can reach, linked from there. */
function dataRoot(): string {
  const link = path.join(root, ".data", "cluster");
  if (!asRoot) return link;
  const real = `/var/tmp/tajer-cluster-${crypto.createHash("sha256").update(root).digest("hex").slice(0, 12)}`;
  fs.mkdirSync(real, { recursive: true });
  execFileSync("chown", ["postgres:postgres", real]);
  fs.mkdirSync(path.dirname(link), { recursive: true });
  if (!fs.existsSync(link)) fs.symlinkSync(real, link);
  return real;
}

/** Runs a PostgreSQL program as the user the nodes run as. */
function pgRun(program: string, args: string[], options: { allowFail?: boolean } = {}) {
  const [cmd, full] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(PG_BIN, program), ...args]] : [path.join(PG_BIN, program), args];
  const result = spawnSync(cmd, full, { encoding: "utf8" });
  if (result.status !== 0 && !options.allowFail) throw new Error(`${program} ${args.join(" ")} failed:\n${result.stderr || result.stdout}`);
  return result;
}

function vendorDir(): string | null {
  const candidates = [process.env.CITUS_VENDOR, path.join(root, "vendor", "citus")];
  return candidates.find((c): c is string => !!c && fs.existsSync(path.join(c, "install.sh"))) ?? null;
}

/** PostgreSQL 15 of a release Citus was built against, and Citus itself. */
function ensureEngines() {
  const postgres = path.join(PG_BIN, "postgres");
  const citus = "/usr/lib/postgresql/15/lib/citus.so";
  // The build links to have_createdb_privilege(), which the server exports from 15.20 on.
  const serverReady = fs.existsSync(postgres) && spawnSync("sh", ["-c", `nm -D ${postgres} | grep -q ' T have_createdb_privilege$'`]).status === 0;
  if (serverReady && fs.existsSync(citus)) return;
  if (!asRoot) {
    console.error(
      [
        "[cluster] PostgreSQL 15 (15.20 or later) and Citus 13.2.2 are needed. As root:",
        "  apt-get install -y postgresql-15",
        `  ${vendorDir() ?? "<the Citus vendor folder>"}/install.sh`,
      ].join("\n"),
    );
    process.exit(2);
  }
  if (!serverReady) {
    say("installing postgresql-15 from apt");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "postgresql-15"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  }
  const vendor = vendorDir();
  if (!vendor) {
    console.error("[cluster] the Citus build was not found: set CITUS_VENDOR to the folder with its install.sh");
    process.exit(2);
  }
  execFileSync(path.join(vendor, "install.sh"), { stdio: "inherit" });
}

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

async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(port: number, sql: string, db = DB): Promise<T[]> {
  const client = new pg.Client({ connectionString: url(port, db) });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function up() {
  ensureEngines();
  const apps = appCount();
  if (apps > 0) ensureAppSide();
  const dataDir = dataRoot();
  for (const node of NODES) {
    const dir = path.join(dataDir, node.name);
    if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
      say(`${node.name}: initdb`);
      pgRun("initdb", ["-D", dir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
      fs.appendFileSync(
        path.join(dir, "postgresql.conf"),
        [
          "",
          "# Tajer's cluster",
          "shared_preload_libraries = 'citus'",
          `port = ${node.port}`,
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${dir}'`,
          "max_connections = 300",
          "shared_buffers = 128MB",
          "citus.max_client_connections = 250",
          "",
        ].join("\n"),
      );
    }
    const running = pgRun("pg_ctl", ["-D", dir, "status"], { allowFail: true }).status === 0;
    if (!running) {
      say(`${node.name}: starting on 127.0.0.1:${node.port}`);
      pgRun("pg_ctl", ["-D", dir, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
    }
    if (!(await query(node.port, `SELECT 1 FROM pg_database WHERE datname = '${DB}'`, "postgres")).length)
      await query(node.port, `CREATE DATABASE ${DB}`, "postgres");
    await query(node.port, "CREATE EXTENSION IF NOT EXISTS citus");
  }
  const [coordinator, ...workers] = NODES;
  await query(coordinator.port, `SELECT citus_set_coordinator_host('127.0.0.1', ${coordinator.port})`);
  for (const w of workers) {
    const known = await query(coordinator.port, `SELECT 1 FROM pg_dist_node WHERE nodename = '127.0.0.1' AND nodeport = ${w.port}`);
    if (!known.length) await query(coordinator.port, `SELECT citus_add_node('127.0.0.1', ${w.port})`);
  }
  const applied = await deployMigrations(url(coordinator.port));
  say(`migrations: ${applied.length ? applied.join(", ") : "up to date"}`);
  const report = await distribute(url(coordinator.port));
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
      process.env.DATABASE_URL = url(coordinator.port);
      const { db } = await import("../src/server/db/client");
      const { seedDemo } = await import("../src/server/seed/seed-demo");
      if (await seedDemo(db)) say("seeded the demo stores");
      await db.$disconnect();
    }
    buildIfNeeded((...parts) => say(parts.join(" ")));
    proxy = await startTopology({ dataRoot: dataDir, base, apps, coordinatorPort: coordinator.port, say });
  }
  console.log(url(coordinator.port));
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
