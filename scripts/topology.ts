// The app side of the cluster (`npm run cluster:up -- --apps N`): PgBouncer in transaction mode in front of
// the coordinator, N app servers (scripts/serve.ts on the production build) and one job worker talking to the
// database through it, and HAProxy in front of the app servers. Every process outlives the command that
// started it; its pid and its log are under .data/cluster/apps, and `npm run cluster:down` stops them.
//
// Ports (CLUSTER_PORT = P, default 55432): PgBouncer P+3, the proxy P+8, the app servers P+9, P+10, …
// PgBouncer refuses to run as root: root runs it as the `postgres` user, as it runs the nodes.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { SERVE_BUNDLE, WORKER_BUNDLE } from "./build-if-needed";
import { heapArgs } from "../src/lib/heap";

const asRoot = process.getuid?.() === 0;
// Debian's packages put both in /usr/sbin, which a user's PATH may not hold.
const HAPROXY = "/usr/sbin/haproxy";
const PGBOUNCER = "/usr/sbin/pgbouncer";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type TopologyPorts = { pgbouncer: number; proxy: number; apps: number[] };
export const topologyPorts = (base: number, apps: number): TopologyPorts => ({
  pgbouncer: base + 3,
  proxy: base + 8,
  apps: Array.from({ length: apps }, (_, i) => base + 9 + i),
});

/** Where the app side keeps pids, logs and configuration: inside the cluster's data folder. */
export function topologyDir(dataRoot: string): string {
  const dir = path.join(dataRoot, "apps");
  fs.mkdirSync(dir, { recursive: true });
  // PgBouncer writes its log and pid here as the postgres user.
  if (asRoot) execFileSync("chown", ["postgres:postgres", dir]);
  return dir;
}

const appName = (i: number) => `app${i + 1}`;

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, "utf8").trim());
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number | null): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The session secret the app servers share (a sign-in on one is good on all), made once and kept out of git. */
function sharedAuthSecret(dir: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

/** Whether something answers HTTP at `url` with a status below 500. */
async function answers(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(2_000) })
    .then((r) => r.body?.cancel().then(() => r.status < 500) ?? r.status < 500)
    .catch(() => false);
}

async function waitFor(what: string, check: () => Promise<boolean>, seconds = 120) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check()) return;
    await sleep(250);
  }
  throw new Error(`${what} did not come up within ${seconds} s`);
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

function startPgBouncer(dir: string, ports: TopologyPorts, coordinatorPort: number, say: (line: string) => void) {
  const pidFile = path.join(dir, "pgbouncer.pid");
  if (alive(readPid(pidFile))) return;
  const userlist = path.join(dir, "pgbouncer-users.txt");
  fs.writeFileSync(userlist, '"postgres" ""\n');
  const ini = path.join(dir, "pgbouncer.ini");
  fs.writeFileSync(
    ini,
    [
      "[databases]",
      `tajer = host=127.0.0.1 port=${coordinatorPort} dbname=tajer`,
      "",
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${ports.pgbouncer}`,
      `unix_socket_dir = ${dir}`,
      // Loopback only, as the nodes (which trust loopback too).
      "auth_type = trust",
      `auth_file = ${userlist}`,
      // A server connection is held for one transaction, then serves another client: the app servers' pools
      // together can be far larger than what the database keeps open.
      "pool_mode = transaction",
      "max_client_conn = 1000",
      "default_pool_size = 40",
      "server_reset_query = ",
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      `pidfile = ${pidFile}`,
      "",
    ].join("\n"),
  );
  if (asRoot) for (const f of [ini, userlist]) execFileSync("chown", ["postgres:postgres", f]);
  const [cmd, args] = asRoot ? ["runuser", ["-u", "postgres", "--", PGBOUNCER, "-d", ini]] : [PGBOUNCER, ["-d", ini]];
  const result = spawnSync(cmd, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pgbouncer did not start:\n${result.stderr || result.stdout}`);
  say(`pgbouncer: transaction pooling on 127.0.0.1:${ports.pgbouncer}`);
}

function startHaproxy(dir: string, ports: TopologyPorts, say: (line: string) => void) {
  const pidFile = path.join(dir, "haproxy.pid");
  if (alive(readPid(pidFile))) return;
  const cfg = path.join(dir, "haproxy.cfg");
  fs.writeFileSync(
    cfg,
    [
      "global",
      "  maxconn 4096",
      `  stats socket ${path.join(dir, "haproxy.sock")} mode 600 level admin`,
      "",
      "defaults",
      "  mode http",
      // The client's address, appended to X-Forwarded-For: the app trusts exactly one proxy (TRUSTED_PROXY_HOPS=1).
      "  option forwardfor",
      "  timeout connect 2s",
      "  timeout client 75s",
      "  timeout server 75s",
      "  timeout http-keep-alive 60s",
      // The live stream (Server-Sent Events) stays open for as long as the page does.
      "  timeout tunnel 1h",
      // A request whose connection to a server could not be made never reached it: it goes to the other.
      // Nothing else is retried by the proxy; a client retries with its idempotency key.
      "  retries 2",
      "  option redispatch 1",
      "  retry-on conn-failure",
      "",
      // Compression here rather than in each app server (their COMPRESS_RESPONSES is false).
      "  compression algo gzip",
      "  compression type text/html text/plain text/css text/javascript application/javascript application/json image/svg+xml",
      "",
      "frontend web",
      `  bind 127.0.0.1:${ports.proxy}`,
      "  default_backend apps",
      "",
      "backend apps",
      "  balance roundrobin",
      "  option httpchk GET /api/health",
      "  http-check expect status 200",
      ...ports.apps.map((port, i) => `  server ${appName(i)} 127.0.0.1:${port} check inter 1s fall 2 rise 2`),
      "",
    ].join("\n"),
  );
  const result = spawnSync(HAPROXY, ["-D", "-p", pidFile, "-f", cfg], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`haproxy did not start:\n${result.stderr || result.stdout}`);
  say(`haproxy: 127.0.0.1:${ports.proxy} → ${ports.apps.map((p) => `127.0.0.1:${p}`).join(", ")}`);
}

export type TopologyOptions = {
  dataRoot: string;
  base: number;
  apps: number;
  coordinatorPort: number;
  /** More settings for the app servers and the worker (Twilio's address in a test, say). */
  env?: NodeJS.ProcessEnv;
  say?: (line: string) => void;
};

/** The environment the app servers and the worker share. */
export function topologyEnv(options: TopologyOptions): NodeJS.ProcessEnv {
  const dir = topologyDir(options.dataRoot);
  const ports = topologyPorts(options.base, options.apps);
  const proxy = `http://127.0.0.1:${ports.proxy}`;
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `postgresql://postgres@127.0.0.1:${ports.pgbouncer}/tajer`,
    DATABASE_LISTEN_URL: `postgresql://postgres@127.0.0.1:${options.coordinatorPort}/tajer`,
    AUTH_SECRET: sharedAuthSecret(dir),
    NEXTAUTH_URL: proxy,
    PUBLIC_URL: proxy,
    TRUSTED_PROXY_HOPS: "1",
    // HAProxy compresses (below); the app servers' cores go to rendering.
    COMPRESS_RESPONSES: "false",
    ...options.env,
  };
}

/** A Node process of the app side (the built server or worker), detached, its output in <name>.log. */
function spawnLogged(dir: string, name: string, args: string[], env: NodeJS.ProcessEnv) {
  const logFd = fs.openSync(path.join(dir, `${name}.log`), "a");
  const child = spawn(process.execPath, args, {
    env,
    stdio: ["ignore", logFd, logFd],
    detached: true,
  });
  fs.closeSync(logFd);
  fs.writeFileSync(path.join(dir, `${name}.pid`), String(child.pid));
  child.unref();
  return child.pid!;
}

/** App server i (0-based) on its port, if it is not running. */
export async function startAppServer(options: TopologyOptions, i: number) {
  const dir = topologyDir(options.dataRoot);
  const port = topologyPorts(options.base, options.apps).apps[i];
  if (alive(readPid(path.join(dir, `${appName(i)}.pid`))) && (await answers(`http://127.0.0.1:${port}/api/health`))) return;
  const env = topologyEnv(options);
  spawnLogged(dir, appName(i), [...heapArgs("app", env), SERVE_BUNDLE, "--port", String(port), "--hostname", "127.0.0.1"], env);
  await waitFor(`app server ${appName(i)}`, () => answers(`http://127.0.0.1:${port}/api/health`));
}

/** The pid of app server i, to kill it in a test. */
export function appServerPid(dataRoot: string, i: number): number | null {
  return readPid(path.join(dataRoot, "apps", `${appName(i)}.pid`));
}

/** PgBouncer, the app servers, the worker and the proxy; returns the proxy's URL once it answers. */
export async function startTopology(options: TopologyOptions): Promise<string> {
  const say = options.say ?? (() => {});
  const dir = topologyDir(options.dataRoot);
  const ports = topologyPorts(options.base, options.apps);
  startPgBouncer(dir, ports, options.coordinatorPort, say);
  await waitFor("pgbouncer", () => portOpen(ports.pgbouncer), 20);
  await Promise.all(ports.apps.map((_, i) => startAppServer(options, i)));
  say(`app servers: ${ports.apps.map((p, i) => `${appName(i)} on 127.0.0.1:${p}`).join(", ")}`);
  if (!alive(readPid(path.join(dir, "worker.pid")))) spawnLogged(dir, "worker", [...heapArgs("worker"), WORKER_BUNDLE], topologyEnv(options));
  say("worker: started");
  startHaproxy(dir, ports, say);
  const proxy = `http://127.0.0.1:${ports.proxy}`;
  await waitFor("the proxy", () => answers(`${proxy}/api/health`), 30);
  return proxy;
}

/** A command to HAProxy's runtime API ("disable server apps/app2", "show servers state"). */
export function haproxyCommand(dataRoot: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(path.join(dataRoot, "apps", "haproxy.sock"));
    let out = "";
    socket.on("connect", () => socket.end(`${command}\n`));
    socket.on("data", (chunk) => (out += chunk));
    socket.on("end", () => resolve(out));
    socket.on("error", reject);
  });
}

/** Stops whatever of the app side runs: the proxy first (no new requests), then the app servers and the worker, then PgBouncer. */
export async function stopTopology(dataRoot: string, say: (line: string) => void = () => {}) {
  const dir = path.join(dataRoot, "apps");
  if (!fs.existsSync(dir)) return;
  const names = ["haproxy", ...fs.readdirSync(dir).flatMap((f) => (/^app\d+\.pid$/.test(f) ? [f.slice(0, -4)] : [])), "worker", "pgbouncer"];
  for (const name of names) {
    const pidFile = path.join(dir, `${name}.pid`);
    const pid = readPid(pidFile);
    if (alive(pid)) {
      // The app servers and the worker lead their own process groups; the daemons are single processes.
      const target = name === "haproxy" || name === "pgbouncer" ? pid! : -pid!;
      try {
        process.kill(target, "SIGTERM");
      } catch {
        /* gone */
      }
      for (let i = 0; i < 60 && alive(pid); i++) await sleep(250);
      if (alive(pid)) process.kill(target, "SIGKILL");
      say(`${name}: stopped`);
    }
    fs.rmSync(pidFile, { force: true });
  }
}
