// `npm start`: [embedded Postgres unless DATABASE_URL is set] → migrations → demo data on first start
// → build if the sources changed → the job worker and `next start`. `npm run dev` runs `next dev` instead; `npm run db`
// only the database. Ctrl-C stops Next first, then Postgres.
import { spawn, type ChildProcess } from "node:child_process";
import { settingsProblems } from "../src/server/settings";
import { once } from "node:events";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../src/server/db/embedded-postgres";
import { buildIfNeeded, SERVE_BUNDLE, WORKER_BUNDLE } from "./build-if-needed";
import { heapArgs } from "../src/lib/heap";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
try {
  process.loadEnvFile();
} catch {
  // no .env: defaults below
}
const log = (...parts: unknown[]) => console.log("[tajer]", ...parts);
const mode = process.argv.includes("--dev") ? "dev" : process.argv.includes("--db-only") ? "db" : "start";
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "localhost";
const dataRoot = path.resolve(process.env.TAJER_DATA_DIR ?? ".data");

let postgres: EmbeddedPostgres | null = null;
let next: ChildProcess | null = null;
let worker: ChildProcess | null = null;
let stopping = false;

async function stop(reason: string, code = 0) {
  if (stopping) return;
  stopping = true;
  log(`stopping (${reason})`);
  // The app first (no new work), then the worker (finishes the job in hand), then the database.
  for (const child of [next, worker]) {
    if (!child || child.exitCode !== null || child.signalCode !== null) continue;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (postgres) await postgres.stop();
  log("stopped");
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(signal));

/** A session secret for this installation, made once and kept out of git. */
function ensureAuthSecret() {
  if (process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET) return;
  const file = path.join(dataRoot, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataRoot, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    log(`generated a session secret in ${path.relative(root, file)}`);
  }
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

async function main() {
  // A bad setting stops the start here, by its name, rather than later as a wrong number or a crash.
  const problems = settingsProblems(process.env);
  if (problems.length) {
    for (const problem of problems) log(`setting ${problem}`);
    throw new Error(
      `${problems.length === 1 ? "a setting is" : `${problems.length} settings are`} not valid: ${problems.map((p) => p.split(":")[0]).join(", ")}`,
    );
  }
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  ensureAuthSecret();
  process.env.NEXTAUTH_URL ??= `http://${host}:${port}`;

  if (process.env.DATABASE_URL) {
    log("using the Postgres at DATABASE_URL");
  } else {
    const dataDir = path.resolve(process.env.PG_DATA_DIR ?? path.join(dataRoot, "pg"));
    if (process.env.TAJER_FRESH_DB === "1") fs.rmSync(dataDir, { recursive: true, force: true });
    postgres = await startEmbeddedPostgres({ dataDir, port: Number(process.env.PG_PORT ?? 54329), log: (m) => log(m) });
    await postgres.ensureDatabase("tajer");
    process.env.DATABASE_URL = postgres.url("tajer");
    postgres.process.on("exit", (code) => void stop(`postgres exited with code ${code}`, 1));
  }
  if (stopping) return;

  // Migrations and the demo data in a child that ends: the wrapper stays small for as long as the app runs.
  const prepare = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-side.mjs", "scripts/prepare-db.ts"], {
    stdio: "inherit",
    env: process.env,
  });
  const [prepared] = await once(prepare, "exit");
  if (prepared !== 0) throw new Error(`preparing the database failed (exit ${prepared})`);
  if (stopping) return;

  if (mode === "db") {
    log(`DATABASE_URL=${process.env.DATABASE_URL}`);
    log("database only; Ctrl-C to stop");
    return;
  }
  if (mode === "start") buildIfNeeded(log);
  // TAJER_CPU_PROF_DIR: the app and the worker each write a CPU profile there when they stop (npm run bench uses it).
  const profile = process.env.TAJER_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.TAJER_CPU_PROF_DIR}`] : [];
  // The built server and worker (plain Node, each one file) with the production build; the sources through the
  // loader in development.
  const source = (script: string) => ["--import", "tsx", "--import", "./scripts/server-side.mjs", `scripts/${script}.ts`];
  const workerArgs = mode === "start" ? [...heapArgs("worker"), WORKER_BUNDLE] : source("worker");
  const serveEntry = mode === "start" ? [...heapArgs("app"), SERVE_BUNDLE] : source("serve");
  worker = spawn(process.execPath, [...profile, ...workerArgs], {
    stdio: "inherit",
    env: process.env,
    detached: true,
  });
  worker.on("exit", (code, signal) => void stop(`worker exited (${code ?? signal})`, code ?? 1));
  // Next behind our own small server (scripts/serve.ts): it hands the app each client's address from the
  // socket (or the trusted proxies), and keeps idle connections 65 s (Node's default is 5 s: a request on
  // a reused connection met the server closing it, a reset the browser suite ran into).
  const serveArgs = ["--port", port, "--hostname", host, "--keep-alive-ms", process.env.KEEP_ALIVE_TIMEOUT_MS ?? "65000", ...(mode === "dev" ? ["--dev"] : [])];
  next = spawn(process.execPath, [...profile, ...serveEntry, ...serveArgs], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: mode === "dev" ? "development" : "production" },
    // Its own process group: Ctrl-C reaches this wrapper, which stops Next, then Postgres.
    detached: true,
  });
  next.on("exit", (code, signal) => void stop(`next exited (${code ?? signal})`, code ?? 1));
  console.log(`
  Tajer is running at http://${host}:${port}

  Demo sign-ins (password: demo-password)
    owner@demo.test    owner of "Demo Store"
    admin@demo.test    admin of "Demo Store"
    staff@demo.test    staff of "Demo Store"
    owner@second.test  owner of "Second Store"
    multi@demo.test    staff in both stores
`);
}

main().catch(async (error) => {
  console.error("[tajer] failed to start:", error);
  await stop("startup error", 1);
});
