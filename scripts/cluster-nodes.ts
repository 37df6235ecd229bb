// The database side of the Citus cluster, shared by `npm run cluster:up` (scripts/cluster.ts) and the
// benchmark on the cluster (BENCH_CLUSTER=1): PostgreSQL 15 and Citus installed when missing, the three nodes
// (a coordinator and two workers on loopback) initialised and started, and a database made on each of them and
// joined into one distributed database.
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const PG_BIN = "/usr/lib/postgresql/15/bin";
const root = process.cwd();
const base = Number(process.env.CLUSTER_PORT ?? 55432);
export const NODES = [
  { name: "coordinator", port: base },
  { name: "worker1", port: base + 1 },
  { name: "worker2", port: base + 2 },
];
export const DB = "tajer";
export const asRoot = process.getuid?.() === 0;
export const say = (line: string) => console.log(`[cluster] ${line}`);
export const url = (port: number, db = DB) => `postgresql://postgres@127.0.0.1:${port}/${db}`;

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
export function pgRun(program: string, args: string[], options: { allowFail?: boolean } = {}) {
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

export async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(port: number, sql: string, db = DB): Promise<T[]> {
  const client = new pg.Client({ connectionString: url(port, db) });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The three nodes initialised (once) and running; answers the data folder. */
export function startNodes(): string {
  ensureEngines();
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
  }
  return dataDir;
}

/**
 * The database `db` on every node with Citus in it, and the workers joined to the coordinator's copy: a
 * distributed database ready for the migrations. `fresh` drops it on every node first. Answers its URL on the
 * coordinator.
 */
export async function joinDatabase(db: string, options: { fresh?: boolean } = {}): Promise<string> {
  for (const node of NODES) {
    if (options.fresh) await query(node.port, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`, "postgres");
    if (!(await query(node.port, `SELECT 1 FROM pg_database WHERE datname = '${db}'`, "postgres")).length)
      await query(node.port, `CREATE DATABASE ${db}`, "postgres");
    await query(node.port, "CREATE EXTENSION IF NOT EXISTS citus", db);
  }
  const [coordinator, ...workers] = NODES;
  await query(coordinator.port, `SELECT citus_set_coordinator_host('127.0.0.1', ${coordinator.port})`, db);
  for (const w of workers) {
    const known = await query(coordinator.port, `SELECT 1 FROM pg_dist_node WHERE nodename = '127.0.0.1' AND nodeport = ${w.port}`, db);
    if (!known.length) await query(coordinator.port, `SELECT citus_add_node('127.0.0.1', ${w.port})`, db);
  }
  return url(coordinator.port, db);
}
