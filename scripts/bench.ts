// npm run bench — the production build against the benchmark data set (npm run bench:seed), each
// scenario measured through the app and, beside it, its raw-SQL floor: the same rows read or written
// by `pg` directly with the same SQL shape and the same concurrency. Prints a Markdown table and keeps
// bench/results/latest.md and latest.json (BENCH_OUT names another pair). BENCH_SECONDS sets each
// scenario's duration (default 10). BENCH_CLUSTER=1 runs against the data set on the Citus cluster and keeps
// bench/results/cluster.*; BENCH_BESIDE=<a kept run's .json> puts that run's rows beside this one's in a
// `cluster` column; BENCH_TABLE=a.json,b.json prints that table from kept runs and runs nothing.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { benchDatabase, benchOnCluster } from "./bench-seed";
import { finishChecks, type Check } from "./check-report";

type Sample = { ms: number; ok: boolean };
export type Result = {
  scenario: string;
  concurrency: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  rps: number;
  floor?: { p50: number; p95: number; rps: number; errors: number };
  note?: string;
};
const floorOf = (m: { p50: number; p95: number; rps: number; errors: number }) => ({ p50: m.p50, p95: m.p95, rps: m.rps, errors: m.errors });

// BENCH_CHECK=1 (part of `npm test`): a 20,000-order data set of its own, every scenario for a moment,
// and what it checks is correctness — no errors, the books and the replays right — never timings.
const CHECK = process.env.BENCH_CHECK === "1";
if (CHECK) {
  process.env.BENCH_ORDERS ??= "20000";
  process.env.BENCH_PG_DIR ??= ".data/bench-check/pg";
  process.env.BENCH_PG_PORT ??= "54331";
  process.env.BENCH_SECONDS ??= "1";
}
/** BENCH_CLUSTER=1: against the data set on the Citus cluster (npm run bench:seed with the same switch). */
const onCluster = benchOnCluster();
/** Where the results go: bench/results/<BENCH_OUT>.md and .json; latest, or cluster for a run on the cluster. */
const OUT = process.env.BENCH_OUT ?? (CHECK ? "check" : onCluster ? "cluster" : "latest");
if (!/^[\w.-]+$/.test(OUT)) throw new Error(`BENCH_OUT names a file in bench/results, not ${OUT}`);
const PORT = Number(process.env.BENCH_PORT ?? (CHECK ? 3310 : 3300));
/** Scenarios with a fixed amount of work do less of it in the check. */
const work = (n: number) => (CHECK ? Math.min(n, 120) : n);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BENCH_PASSWORD = "bench-password";
const log = (m: string) => console.log("[bench]", m);
/** BENCH_ONLY=list,detail runs only the scenarios whose names contain one of the words (never in the check). */
const only =
  process.env.BENCH_CHECK === "1"
    ? undefined
    : process.env.BENCH_ONLY?.split(",")
        .map((w) => w.trim().toLowerCase())
        .filter(Boolean);
if (process.env.BENCH_CHECK === "1" && process.env.BENCH_ONLY) console.log(`[bench] BENCH_ONLY is ignored by the check: every scenario runs`);
const want = (name: string) => !only?.length || only.some((w) => name.toLowerCase().includes(w));
/** The scenarios the check expects to see, by name: a filter, or a scenario that quietly stopped running, fails it. */
const EXPECTED_SCENARIOS = 25;

/**
 * One floor request as one transaction on its own connection: committed when it did what the app does,
 * rolled back on an error (counted as a failed request, as the app's would be).
 */
async function floorTransaction(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<boolean>): Promise<boolean> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    const done = await work(c);
    await c.query("COMMIT");
    return done;
  } catch {
    await c.query("ROLLBACK");
    return false;
  } finally {
    c.release();
  }
}

/** Runs `fn` from `concurrency` loops for the duration (or `count` calls in all), collecting latencies. */
async function load(fn: (i: number) => Promise<boolean>, options: { concurrency: number; seconds?: number; count?: number }) {
  const samples: Sample[] = [];
  const until = Date.now() + (options.seconds ?? SECONDS) * 1000;
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      for (;;) {
        const i = issued++;
        if (options.count !== undefined ? i >= options.count : Date.now() > until) return;
        const t = performance.now();
        let ok = false;
        try {
          ok = await fn(i);
        } catch {
          ok = false;
        }
        samples.push({ ms: performance.now() - t, ok });
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return { requests: samples.length, errors: samples.filter((s) => !s.ok).length, p50: pct(50), p95: pct(95), rps: samples.length / elapsed };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Signs in through the sign-in form's own endpoint, as a browser does, and returns the session cookie. */
async function signInCookie(email: string, password: string) {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`signing in as ${email} gave no session (${res.status})`);
  return [...jar, session, "tajer-locale=en"].join("; ");
}

/** The installation's processes under the start wrapper, by role, and their resident sizes in KB. */
type Memory = { wrapper: number; app: number; worker: number; total: number };
function residentByRole(rootPid: number): Memory {
  const memory: Memory = { wrapper: 0, app: 0, worker: 0, total: 0 };
  try {
    const rows = execFileSync("ps", ["-eo", "pid=,ppid=,rss=,args="], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((line) => {
        const [pid, ppid, rss, ...args] = line.trim().split(/\s+/);
        return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss), args: args.join(" ") };
      });
    // Each process under the wrapper belongs to the role of its child of the wrapper (the app server or the worker).
    const role = new Map<number, keyof Omit<Memory, "total">>([[rootPid, "wrapper"]]);
    for (let grew = true; grew;) {
      grew = false;
      for (const r of rows)
        if (role.has(r.ppid) && !role.has(r.pid)) {
          role.set(r.pid, r.ppid === rootPid ? (/scripts\/worker\.ts|tajer\/worker\.mjs/.test(r.args) ? "worker" : "app") : role.get(r.ppid)!);
          grew = true;
        }
    }
    for (const r of rows) {
      const of = role.get(r.pid);
      if (!of) continue;
      memory[of] += r.rss;
      memory.total += r.rss;
    }
  } catch {
    // ps missing: no figures rather than a failed run
  }
  return memory;
}

async function main() {
  const { url, admin, postgres } = await benchDatabase(log);
  if (CHECK) {
    const { seedBench, benchSizes } = await import("./bench-seed");
    await seedBench(url, admin, benchSizes(), log);
  }
  const sql = new pg.Pool({ connectionString: url, max: 40 });
  // Idle connections are closed under us when Postgres stops at the end: not an error of the run.
  sql.on("error", () => {});
  let server: ChildProcess | null = null;
  // The app's startup (from starting the wrapper to its first answered page) and the peak resident sizes of
  // its processes while the scenarios run, sampled four times a second.
  let startupMs = 0;
  let buildMs = 0;
  let dataSet = { stores: 0, orders: 0, big: 0 };
  let cluster: Run["cluster"] = null;
  const peak: Memory = { wrapper: 0, app: 0, worker: 0, total: 0 };
  let sampler: NodeJS.Timeout | null = null;
  const results: Result[] = [];
  const checks: Check[] = [];
  try {
    const [big] = (await sql.query<{ id: string }>("SELECT id FROM stores WHERE slug = 'bench-1'")).rows;
    if (!big) throw new Error("No benchmark data: run `npm run bench:seed` first.");
    const storeId = big.id;
    const [size] = (
      await sql.query<{ stores: number; orders: number; big: number }>(
        `SELECT (SELECT count(*) FROM stores)::int AS stores, (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM orders WHERE "storeId" = $1)::int AS big`,
        [storeId],
      )
    ).rows;
    dataSet = size;
    if (onCluster) cluster = await clusterShape(sql);
    const { generateApiToken, hashApiToken, tokenPrefix } = await import("../src/server/api-tokens/token-hash");
    const { hashPassword } = await import("../src/server/auth/password");
    await sql.query(
      `INSERT INTO users (id, email, name, "passwordHash") VALUES (md5('bench-owner')::uuid, 'owner@bench.test', 'Bench Owner', $1) ON CONFLICT (id) DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash"`,
      [await hashPassword(BENCH_PASSWORD)],
    );
    await sql.query(`INSERT INTO memberships ("storeId", "userId", role) VALUES ($1, md5('bench-owner')::uuid, 'OWNER') ON CONFLICT DO NOTHING`, [storeId]);
    // A token as the app makes them, naming its store (so its lookup is single-shard on the cluster), new each run.
    const TOKEN = generateApiToken(storeId);
    await sql.query(
      `INSERT INTO api_tokens (id, "storeId", name, role, "tokenHash", prefix, "createdById") VALUES (md5('bench-token')::uuid, $1, 'bench', 'OWNER', $2, $3, md5('bench-owner')::uuid)
       ON CONFLICT ("storeId", id) DO UPDATE SET "tokenHash" = EXCLUDED."tokenHash", prefix = EXCLUDED.prefix, "revokedAt" = NULL`,
      [storeId, hashApiToken(TOKEN), tokenPrefix(TOKEN)],
    );

    log("starting the production build against the benchmark database…");
    const spawnedAt = Date.now();
    server = spawn(process.execPath, ["scripts/start.mjs"], {
      env: {
        ...process.env,
        // BENCH_PROFILE=1: every server process writes a CPU profile to .data/prof when it stops.
        ...(process.env.BENCH_PROFILE ? { TAJER_CPU_PROF_DIR: path.resolve(".data/prof") } : {}),
        DATABASE_URL: url,
        PORT: String(PORT),
        HOST: "127.0.0.1",
        TAJER_SEED: "false",
        API_RATE_LIMIT_PER_MINUTE: "10000000",
        DATABASE_POOL_SIZE: "20",
        CARRIER_SIM_LATENCY_MS: "0",
      },
      // Its output is read for one line: how long a build took, when the wrapper had to build first.
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    });
    server.stdout!.setEncoding("utf8");
    server.stdout!.on("data", (chunk: string) => {
      const built = /\[tajer\] built in ([\d.]+) s/.exec(chunk);
      if (built) buildMs = Number(built[1]) * 1000;
    });
    for (let i = 0; ; i++) {
      if (i > 3000) throw new Error("the app did not start");
      const up = await fetch(`${BASE}/signin`)
        .then((r) => r.ok)
        .catch(() => false);
      if (up) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    startupMs = Date.now() - spawnedAt;
    const rootPid = server.pid!;
    sampler = setInterval(() => {
      const now = residentByRole(rootPid);
      for (const k of Object.keys(peak) as (keyof Memory)[]) peak[k] = Math.max(peak[k], now[k]);
    }, 250);
    const api = (p: string, init: RequestInit = {}) =>
      fetch(`${BASE}${p}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...(init.headers ?? {}) } });
    const get = async (p: string) => (await api(p)).ok;

    // The rows each read scenario touches, and its floor's SQL (the shape the app's query has).
    const phone = (
      await sql.query<{ phone: string }>(`SELECT "customerPhone" AS phone FROM orders WHERE "storeId" = $1 ORDER BY "placedAt" DESC LIMIT 1 OFFSET $2`, [
        storeId,
        CHECK ? 500 : 5000,
      ])
    ).rows[0].phone;
    const fragment = phone.slice(-7, -1);
    // A page deep in the list: page 2,000 of 50 (page 40 in the check), or near the store's last when it has fewer.
    // (In whole hundreds of pages, so two runs on data sets a few orders apart name the same page.)
    const deepPage = CHECK ? 40 : Math.min(2000, Math.max(1, Math.floor(size.big / 5000) * 100));
    const deepName = `list: page ${deepPage.toLocaleString("en")} by cursor`;
    const deep = (
      await sql.query<{ placedAt: Date; id: string }>(
        `SELECT "placedAt", id FROM orders WHERE "storeId" = $1 ORDER BY "placedAt" DESC, id DESC OFFSET $2 LIMIT 1`,
        [storeId, deepPage * 50 - 1],
      )
    ).rows[0];
    const { encodeCursor } = await import("../src/lib/cursor");
    const cursor = encodeCursor({ at: deep.placedAt, id: deep.id });
    const orderIds = (await sql.query<{ id: string }>(`SELECT id FROM orders WHERE "storeId" = $1 ORDER BY "placedAt" DESC LIMIT 2000`, [storeId])).rows.map(
      (r) => r.id,
    );
    const listCols = `o.id, o.number, o.status, o."placedAt", o."customerId", o."customerName", o."customerPhone", o."paymentMethod", o."paymentStatus", o."itemsCount", o.total, o.currency, o."branchId"`;
    // Every floor's subqueries name the store by its id ($1), as the app's do (storeKey() in late-rules.ts): on
    // the cluster a subquery tied to its order by o."storeId" goes to every shard, which the app's never does.
    const withTags = (inner: string) =>
      `SELECT p.*, (SELECT array_agg(t.name) FROM order_tags ot JOIN tags t ON t."storeId" = ot."storeId" AND t.id = ot."tagId" WHERE ot."storeId" = $1 AND ot."orderId" = p.id) AS tags FROM (${inner}) p`;
    const reads: { name: string; http: (i: number) => string; floor: (i: number) => [string, unknown[]] }[] = [
      {
        name: "list: delivered, first page",
        http: () => "/api/v1/orders?status=delivered&limit=50",
        floor: () => [
          withTags(
            `SELECT o."storeId", ${listCols} FROM orders o WHERE o."storeId" = $1 AND o.status = 'DELIVERED' ORDER BY o."placedAt" DESC, o.id DESC LIMIT 51`,
          ),
          [storeId],
        ],
      },
      {
        name: "list: search by phone fragment",
        http: () => `/api/v1/orders?q=${fragment}&limit=50`,
        floor: () => [
          withTags(
            `SELECT o."storeId", ${listCols} FROM orders o WHERE o."storeId" = $1 AND o."searchText" LIKE $2 ORDER BY o."placedAt" DESC, o.id DESC LIMIT 51`,
          ),
          [storeId, `%${fragment}%`],
        ],
      },
      {
        name: "list: filter by tag",
        http: () => "/api/v1/orders?tag=vip&limit=50",
        floor: () => [
          withTags(
            `SELECT o."storeId", ${listCols} FROM orders o WHERE o."storeId" = $1 AND EXISTS (SELECT 1 FROM order_tags ot JOIN tags t ON t."storeId" = ot."storeId" AND t.id = ot."tagId" WHERE ot."storeId" = $1 AND ot."orderId" = o.id AND t.name = 'vip') ORDER BY o."placedAt" DESC, o.id DESC LIMIT 51`,
          ),
          [storeId],
        ],
      },
      {
        name: deepName,
        http: () => `/api/v1/orders?limit=50&cursor=${cursor}`,
        floor: () => [
          withTags(
            `SELECT o."storeId", ${listCols} FROM orders o WHERE o."storeId" = $1 AND o."placedAt" <= $2 AND (o."placedAt" < $2 OR o.id < $3) ORDER BY o."placedAt" DESC, o.id DESC LIMIT 51`,
          ),
          [storeId, deep.placedAt, deep.id],
        ],
      },
      {
        // Late by the store's rules (default hours, counted in the branch's working hours), computed from the
        // milestones as the app's filter is: the floor knows the rules and the hours, the app reads them per row.
        name: "list: late now",
        http: () => "/api/v1/orders?late=1&limit=50",
        floor: () => [
          withTags(
            `SELECT o."storeId", ${listCols} FROM orders o JOIN branches b ON b."storeId" = o."storeId" AND b.id = o."branchId"
            WHERE o."storeId" = $1 AND (
              (o.status = 'RECEIVED' AND o."placedAt" < now() - interval '12 hours'
                AND o."placedAt" < tajer_working_hours_before(now(), 12, b."workingHours", 'Asia/Riyadh'))
              OR (o.status = 'IN_PROGRESS' AND o."inProgressAt" < now() - interval '24 hours'
                AND o."inProgressAt" < tajer_working_hours_before(now(), 24, b."workingHours", 'Asia/Riyadh'))
              OR (o.status IN ('SHIPPED', 'OUT_FOR_DELIVERY') AND o."shippedAt" < now() - interval '5 days'))
            ORDER BY o."placedAt" DESC, o.id DESC LIMIT 51`,
          ),
          [storeId],
        ],
      },
      {
        name: "order detail",
        http: (i) => `/api/v1/orders/${orderIds[i % orderIds.length]}`,
        floor: (i) => [
          `SELECT o.*, (SELECT json_agg(i) FROM order_items i WHERE i."storeId" = $1 AND i."orderId" = o.id) AS items, (SELECT array_agg(t.name) FROM order_tags ot JOIN tags t ON t."storeId" = ot."storeId" AND t.id = ot."tagId" WHERE ot."storeId" = $1 AND ot."orderId" = o.id) AS tags FROM orders o WHERE o."storeId" = $1 AND o.id = $2`,
          [storeId, orderIds[i % orderIds.length]],
        ],
      },
    ];
    for (const r of reads.filter((r) => want(r.name))) {
      await get(r.http(0)); // warm
      const app = await load((i) => get(r.http(i)), { concurrency: 8 });
      const floor = await load(async (i) => (await sql.query(...r.floor(i))).rowCount !== null, { concurrency: 8 });
      results.push({ scenario: `${r.name} (API)`, concurrency: 8, ...app, floor: floorOf(floor) });
      log(`${r.name}: p95 ${round(app.p95)} ms vs floor ${round(floor.p95)} ms`);
    }

    // The same reads through the dashboard's HTML pages, signed in as the store's owner. A list page
    // also counts its status tabs and reads the store's branches and tags: its floor reads them too.
    const pages = reads.filter((r) => want(`${r.name} (page)`));
    if (pages.length) {
      const cookie = await signInCookie("owner@bench.test", BENCH_PASSWORD);
      const html = async (p: string) => {
        const res = await fetch(`${BASE}${p}`, { headers: { cookie }, redirect: "manual" });
        await res.arrayBuffer();
        return res.status === 200;
      };
      // The tabs count each status up to 1,001 rows (the page shows "1,000+" beyond), as the app does.
      const tabs: [string, unknown[]] = [
        `SELECT s.status, (SELECT count(*) FROM (SELECT 1 FROM orders o WHERE o."storeId" = $1 AND o.status = s.status LIMIT 1001) x) FROM unnest(enum_range(NULL::"OrderStatus")) AS s(status)`,
        [storeId],
      ];
      const sidebar: [string, unknown[]][] = [
        [`SELECT id, name FROM branches WHERE "storeId" = $1 AND "archivedAt" IS NULL`, [storeId]],
        [`SELECT id, name, color FROM tags WHERE "storeId" = $1 ORDER BY name`, [storeId]],
      ];
      // What the order page reads beside the order: the merchant reviews all of it on one screen.
      const detailReads = (orderId: string): [string, unknown[]][] => [
        [
          `SELECT c.email, c.city, c."blockedAt", c."blockedReason", (SELECT count(*) FROM orders p WHERE p."storeId" = $1 AND p."customerId" = o."customerId" AND p."placedAt" < o."placedAt") FROM orders o JOIN customers c ON c."storeId" = o."storeId" AND c.id = o."customerId" WHERE o."storeId" = $1 AND o.id = $2`,
          [storeId, orderId],
        ],
        [`SELECT id, name, city, address, "isDefault" FROM branches WHERE "storeId" = $1 AND "archivedAt" IS NULL ORDER BY "isDefault" DESC, name`, [storeId]],
        [`SELECT * FROM order_events WHERE "storeId" = $1 AND "orderId" = $2 ORDER BY "createdAt", id`, [storeId, orderId]],
        [`SELECT * FROM sms_messages WHERE "storeId" = $1 AND "orderId" = $2`, [storeId, orderId]],
        [`SELECT * FROM shipments WHERE "storeId" = $1 AND "orderId" = $2 AND "voidedAt" IS NULL`, [storeId, orderId]],
        [`SELECT "smsMode", name, locale, "smsTemplates" FROM stores WHERE id = $1`, [storeId]],
        [`SELECT name FROM tags WHERE "storeId" = $1 ORDER BY name LIMIT 500`, [storeId]],
        [`SELECT * FROM order_comments WHERE "storeId" = $1 AND "orderId" = $2`, [storeId, orderId]],
        [`SELECT u.id, u.name, u.email FROM memberships m JOIN users u ON u.id = m."userId" WHERE m."storeId" = $1 ORDER BY u.name`, [storeId]],
        [`SELECT * FROM carrier_accounts WHERE "storeId" = $1`, [storeId]],
        [`SELECT * FROM box_presets WHERE "storeId" = $1`, [storeId]],
        [`SELECT * FROM wallets WHERE "storeId" = $1`, [storeId]],
        [
          `SELECT v.id, v."weightGrams", s."branchId", s.quantity FROM order_items i JOIN product_variants v ON v."storeId" = i."storeId" AND v.id = i."variantId" LEFT JOIN stock_levels s ON s."storeId" = v."storeId" AND s."variantId" = v.id WHERE i."storeId" = $1 AND i."orderId" = $2`,
          [storeId, orderId],
        ],
        [`SELECT * FROM review_requests WHERE "storeId" = $1 AND "orderId" = $2`, [storeId, orderId]],
      ];
      const pagePaths: Record<string, (i: number) => string> = {
        "list: delivered, first page": () => "/s/bench-1/orders?status=delivered",
        "list: search by phone fragment": () => `/s/bench-1/orders?q=${fragment}`,
        "list: filter by tag": () => "/s/bench-1/orders?tag=vip",
        [deepName]: () => `/s/bench-1/orders?cursor=${cursor}`,
        "list: late now": () => "/s/bench-1/orders?late=1",
        "order detail": (i) => `/s/bench-1/orders/${orderIds[i % orderIds.length]}`,
      };
      for (const r of pages) {
        const path = pagePaths[r.name];
        if (!(await html(path(0)))) throw new Error(`${path(0)} did not answer 200 for the signed-in owner`);
        const app = await load((i) => html(path(i)), { concurrency: 8 });
        const isList = r.name.startsWith("list");
        const floor = await load(
          async (i) => {
            await sql.query(...r.floor(i));
            if (isList) await Promise.all([sql.query(...tabs), ...sidebar.map((q) => sql.query(...q))]);
            else await Promise.all(detailReads(orderIds[i % orderIds.length]).map((q) => sql.query(...q)));
            return true;
          },
          { concurrency: 8 },
        );
        results.push({ scenario: `${r.name} (page)`, concurrency: 8, ...app, floor: floorOf(floor) });
        log(`${r.name} (page): p95 ${round(app.p95)} ms vs floor ${round(floor.p95)} ms`);
      }
    }

    if (want("packing station: queue")) {
      // The packing station's queue: the longest-waiting orders in progress with their lines, codes, bins and
      // last packing, as a tablet reads it every 30 s. The floor is the same statement and the small reads beside it.
      const cookie = await signInCookie("owner@bench.test", BENCH_PASSWORD);
      const queue = async () => {
        const res = await fetch(`${BASE}/s/bench-1/pack/queue`, { headers: { cookie } });
        const body = (await res.json()) as { orders?: unknown[] };
        return res.status === 200 && Array.isArray(body.orders);
      };
      if (!(await queue())) throw new Error("the packing queue did not answer for the signed-in owner");
      const app = await load(queue, { concurrency: 8 });
      const floorSql = `SELECT o.id, o.number, o."customerName", o."shippingCity", o."branchId", o."assigneeId", o."inProgressAt",
          (o."inProgressAt" < now() - interval '24 hours' AND o."inProgressAt" < tajer_working_hours_before(now(), 24,
            (SELECT b."workingHours" FROM branches b WHERE b."storeId" = $1 AND b.id = o."branchId"), 'Asia/Riyadh')) AS late,
          (SELECT json_agg(json_build_object('id', i.id, 'sku', i.sku, 'name', i.name, 'quantity', i.quantity, 'variantId', i."variantId",
              'bin', (SELECT s.bin FROM stock_levels s WHERE s."storeId" = i."storeId" AND s."variantId" = i."variantId" AND s."branchId" = COALESCE(i."stockBranchId", o."branchId")),
              'codes', COALESCE((SELECT json_agg(b.code) FROM variant_barcodes b WHERE b."storeId" = i."storeId" AND b."variantId" = i."variantId"), '[]'::json)) ORDER BY i.id)
            FROM order_items i WHERE i."storeId" = $1 AND i."orderId" = o.id) AS items,
          (SELECT json_build_object('id', p.id) FROM order_packs p WHERE p."storeId" = $1 AND p."orderId" = o.id ORDER BY p."createdAt" DESC, p.id DESC LIMIT 1) AS "lastPack"
        FROM orders o WHERE o."storeId" = $1 AND o.status = 'IN_PROGRESS' AND o."assigneeId" IS NULL
        ORDER BY o."inProgressAt" ASC NULLS LAST, o.id LIMIT 60`;
      const floor = await load(
        async () => {
          await Promise.all([
            sql.query(floorSql, [storeId]),
            sql.query(`SELECT "packingSettings" FROM stores WHERE id = $1`, [storeId]),
            sql.query(`SELECT id, name, "lengthMm", "widthMm", "heightMm" FROM box_presets WHERE "storeId" = $1 ORDER BY name, id`, [storeId]),
            sql.query(`SELECT id, name FROM branches WHERE "storeId" = $1 AND "archivedAt" IS NULL ORDER BY "createdAt", id`, [storeId]),
          ]);
          return true;
        },
        { concurrency: 8 },
      );
      results.push({ scenario: "packing station: queue", concurrency: 8, ...app, floor: floorOf(floor) });
      log(`packing station: queue: p95 ${round(app.p95)} ms vs floor ${round(floor.p95)} ms`);
    }

    if (want("status transitions")) {
      // Status transitions: 16 clients, each on its own orders (received → in progress).
      // A fixed set of orders, put back to "received" first so every run does the same work.
      const received = (
        await sql.query<{ id: string }>(
          `UPDATE orders SET status = 'RECEIVED', "stockTaken" = false WHERE "storeId" = $1 AND id IN (SELECT id FROM orders WHERE "storeId" = $1 AND status IN ('RECEIVED', 'IN_PROGRESS') ORDER BY number LIMIT $2) RETURNING id`,
          [storeId, work(4000)],
        )
      ).rows.map((r) => r.id);
      const half = Math.floor(received.length / 2);
      const transitions = await load(
        async (i) =>
          (await api(`/api/v1/orders/${received[i]}/transitions`, { method: "POST", body: JSON.stringify({ to: "in_progress", notifyCustomer: false }) })).ok,
        { concurrency: 16, count: half },
      );
      // The floor writes the rows the app writes: the order, its lines' stock, the lines' branch, the event.
      const transitionsFloor = await load(
        async (i) => {
          const c = await sql.connect();
          const id = received[half + i];
          try {
            await c.query("BEGIN");
            const order = (
              await c.query(
                `SELECT o.status, o.version, o."branchId", (SELECT json_agg(json_build_object('id', i.id, 'variantId', i."variantId", 'quantity', i.quantity)) FROM order_items i WHERE i."storeId" = $1 AND i."orderId" = o.id) AS items FROM orders o WHERE o."storeId" = $1 AND o.id = $2`,
                [storeId, id],
              )
            ).rows[0];
            const moved = await c.query(
              `UPDATE orders SET status = 'IN_PROGRESS', version = version + 1, "inProgressAt" = now(), "stockTaken" = true, "updatedAt" = now() WHERE "storeId" = $1 AND id = $2 AND status = 'RECEIVED' AND version = $3 RETURNING id`,
              [storeId, id, order.version],
            );
            const items = (order.items ?? []) as { id: string; variantId: string; quantity: number }[];
            if (order.branchId && items.length)
              await c.query(`UPDATE order_items SET "stockBranchId" = $2 WHERE "storeId" = $1 AND id = ANY($3::uuid[])`, [
                storeId,
                order.branchId,
                items.map((it) => it.id),
              ]);
            await c.query(
              `INSERT INTO order_events ("storeId", id, "orderId", type, "actorType", "actorName", data) VALUES ($1, gen_random_uuid(), $2, 'order.status_changed', 'USER', 'bench', '{"from":"received","to":"in_progress"}')`,
              [storeId, id],
            );
            // Stock last and in variant order, as the app does (shared rows: shortest lock, no deadlock).
            if (order.branchId && items.length) {
              await c.query(
                `INSERT INTO stock_levels ("storeId", "variantId", "branchId", quantity, "updatedAt") SELECT $1, v, $2, -sum(q), now() FROM unnest($3::uuid[], $4::int[]) AS x(v, q) GROUP BY v ORDER BY v ON CONFLICT ("storeId", "variantId", "branchId") DO UPDATE SET quantity = stock_levels.quantity + EXCLUDED.quantity, "updatedAt" = now()`,
                [storeId, order.branchId, items.map((it) => it.variantId), items.map((it) => it.quantity)],
              );
            }
            await c.query("COMMIT");
            return moved.rowCount === 1;
          } catch {
            await c.query("ROLLBACK");
            return false;
          } finally {
            c.release();
          }
        },
        { concurrency: 16, count: received.length - half },
      );
      results.push({ scenario: "status transitions", concurrency: 16, ...transitions, floor: floorOf(transitionsFloor) });
      log(`transitions: ${round(transitions.rps)}/s vs floor ${round(transitionsFloor.rps)}/s`);
    }

    // Order intake: 16 storefront clients placing orders with idempotency keys; each key is then sent
    // again (a retry) and must return the same order, not a second one.
    if (want("order intake")) {
      const count = work(Math.max(200, SECONDS * 40));
      const runId = Date.now().toString(36);
      const body = (i: number) => ({
        customer: { name: `Bench Customer ${i}`, phone: `+9665${String(70_000_000 + (i % 20_000)).padStart(8, "0")}` },
        items: [
          { sku: `BN-${String(1 + (i % 20)).padStart(3, "0")}`, quantity: 1 },
          { sku: `BN-${String(1 + ((i + 7) % 20)).padStart(3, "0")}`, quantity: 2 },
        ],
        payment: { method: "cash_on_delivery", status: "pending" },
        shipping: { city: "الرياض", address: `Street ${i}`, method: "Aramex", fee: 2500 },
      });
      const place = (i: number) =>
        api("/api/v1/orders", { method: "POST", headers: { "idempotency-key": `bench-${runId}-${i}` }, body: JSON.stringify(body(i)) });
      const numbers = new Map<number, number>();
      const intake = await load(
        async (i) => {
          const res = await place(i);
          if (res.status !== 201) return false;
          numbers.set(i, (await res.json()).data.number);
          return true;
        },
        { concurrency: 16, count },
      );
      // Replays: the same keys again, the same orders back.
      let replayMismatches = 0;
      await load(
        async (i) => {
          const res = await place(i);
          const same = res.status === 201 && res.headers.get("idempotent-replayed") === "true" && (await res.json()).data.number === numbers.get(i);
          if (!same) replayMismatches++;
          return same;
        },
        { concurrency: 16, count: Math.min(count, 100) },
      );
      // Every order placed is whole: its lines and its first event are there.
      const placed = Number(
        (
          await sql.query(
            `SELECT count(*) FROM orders o WHERE o."storeId" = $1 AND o.number = ANY($2::int[]) AND EXISTS (SELECT 1 FROM order_items i WHERE i."storeId" = $1 AND i."orderId" = o.id) AND EXISTS (SELECT 1 FROM order_events e WHERE e."storeId" = $1 AND e."orderId" = o.id AND e.type = 'order.placed')`,
            [storeId, [...numbers.values()]],
          )
        ).rows[0].count,
      );
      checks.push({
        name: "intake: every order whole, every replay the same order",
        ok: replayMismatches === 0 && placed === numbers.size && numbers.size === intake.requests,
        detail: `${numbers.size} placed, ${placed} whole, ${replayMismatches} replay mismatches`,
      });
      // The floor: the rows an intake writes (key, customer, number, order, lines, event, owner's notification), by pg.
      const variants = (
        await sql.query<{ id: string; sku: string; price: number; name: string }>(
          `SELECT v.id, v.sku, v.price, p.name FROM product_variants v JOIN products p ON p."storeId" = v."storeId" AND p.id = v."productId" WHERE v."storeId" = $1`,
          [storeId],
        )
      ).rows;
      const bySku = new Map(variants.map((v) => [v.sku, v]));
      const intakeFloor = await load(
        async (i) => {
          const b = body(i);
          const c = await sql.connect();
          try {
            await c.query("BEGIN");
            await c.query(
              `INSERT INTO idempotency_keys ("storeId", scope, key, "requestHash", "responseStatus", "responseBody") VALUES ($1, 'orders.create', $2, 'x', 0, '{}')`,
              [storeId, `floor-${runId}-${i}`],
            );
            await c.query(`SELECT id, sku, price FROM product_variants WHERE "storeId" = $1 AND sku = ANY($2)`, [storeId, b.items.map((it) => it.sku)]);
            await c.query(
              `INSERT INTO customers ("storeId", id, name, phone, city, address) VALUES ($1, gen_random_uuid(), $2, $3, $4, $5) ON CONFLICT ("storeId", phone) DO NOTHING`,
              [storeId, b.customer.name, b.customer.phone, b.shipping.city, b.shipping.address],
            );
            const customer = (await c.query(`SELECT id FROM customers WHERE "storeId" = $1 AND phone = $2`, [storeId, b.customer.phone])).rows[0].id;
            const { number } = (
              await c.query(
                `INSERT INTO store_order_counters ("storeId", "nextNumber") VALUES ($1, 1002) ON CONFLICT ("storeId") DO UPDATE SET "nextNumber" = store_order_counters."nextNumber" + 1 RETURNING "nextNumber" - 1 AS number`,
                [storeId],
              )
            ).rows[0];
            const { currency } = (await c.query(`SELECT currency FROM stores WHERE id = $1`, [storeId])).rows[0];
            const lines = b.items.map((it) => ({ ...bySku.get(it.sku)!, quantity: it.quantity }));
            const subtotal = lines.reduce((n, l) => n + l.price * l.quantity, 0);
            const order = (
              await c.query(
                `INSERT INTO orders ("storeId", id, number, source, "customerId", "customerName", "customerPhone", "paymentMethod", "paymentStatus", currency, subtotal, "shippingFee", total, "itemsCount", "shippingName", "shippingPhone", "shippingCity", "shippingAddress", "shippingMethod", "searchText", "updatedAt") VALUES ($1, gen_random_uuid(), $2, 'API', $3, $4, $5, 'CASH_ON_DELIVERY', 'PENDING', $6, $7, 2500, $8, 3, $4, $5, $9, $10, 'Aramex', $11, now()) RETURNING id`,
                [
                  storeId,
                  number,
                  customer,
                  `Floor ${b.customer.name}`,
                  b.customer.phone,
                  currency,
                  subtotal,
                  subtotal + 2500,
                  b.shipping.city,
                  b.shipping.address,
                  `${number} floor ${b.customer.phone}`,
                ],
              )
            ).rows[0].id;
            await c.query(
              `INSERT INTO order_items ("storeId", id, "orderId", "variantId", sku, name, quantity, "unitPrice", "lineTotal") SELECT $1, gen_random_uuid(), $2, v, s, n, q, p, q * p FROM unnest($3::uuid[], $4::text[], $5::text[], $6::int[], $7::int[]) AS x(v, s, n, q, p)`,
              [
                storeId,
                order,
                lines.map((l) => l.id),
                lines.map((l) => l.sku),
                lines.map((l) => l.name),
                lines.map((l) => l.quantity),
                lines.map((l) => l.price),
              ],
            );
            await c.query(
              `INSERT INTO order_events ("storeId", id, "orderId", type, "actorType", "actorName", data) VALUES ($1, gen_random_uuid(), $2, 'order.placed', 'API_TOKEN', 'bench', '{}')`,
              [storeId, order],
            );
            await c.query(
              `INSERT INTO notifications ("storeId", id, "userId", type, "orderId", data) VALUES ($1, gen_random_uuid(), md5('bench-owner')::uuid, 'order.created', $2, '{}')`,
              [storeId, order],
            );
            await c.query(
              `UPDATE idempotency_keys SET "responseStatus" = 201, "responseBody" = '{}' WHERE "storeId" = $1 AND scope = 'orders.create' AND key = $2`,
              [storeId, `floor-${runId}-${i}`],
            );
            await c.query("COMMIT");
            return true;
          } catch (error) {
            await c.query("ROLLBACK");
            log(`intake floor: ${(error as Error).message}`);
            return false;
          } finally {
            c.release();
          }
        },
        { concurrency: 16, count },
      );
      results.push({
        scenario: "order intake",
        concurrency: 16,
        ...intake,
        floor: floorOf(intakeFloor),
        note: `${numbers.size} orders placed, ${replayMismatches} of ${Math.min(count, 100)} replays did not return their order, ${placed} whole orders of this run in the database`,
      });
      log(`intake: ${round(intake.rps)}/s vs floor ${round(intakeFloor.rps)}/s; ${replayMismatches} replay mismatches`);
    }

    if (want("labels, one wallet")) {
      // Labels: 32 clients buying labels on ONE store's wallet (orders put in progress first), then the books.
      const labelStore = (await sql.query<{ id: string }>("SELECT id FROM stores WHERE slug = 'bench-2'")).rows[0].id;
      await sql.query(
        `INSERT INTO carrier_accounts ("storeId", carrier, enabled, "firstKg", "perAdditionalKg", "codFee", "volumetricDivisor", "weightStepGrams") VALUES ($1, 'aramex', true, 1800, 300, 500, 5000, 500) ON CONFLICT ("storeId", carrier) DO UPDATE SET enabled = true`,
        [labelStore],
      );
      const labelToken = generateApiToken(labelStore);
      await sql.query(
        `INSERT INTO api_tokens (id, "storeId", name, role, "tokenHash", prefix, "createdById") VALUES (md5('bench-label-token')::uuid, $1, 'bench', 'OWNER', $2, $3, md5('bench-owner')::uuid)
         ON CONFLICT ("storeId", id) DO UPDATE SET "tokenHash" = EXCLUDED."tokenHash", prefix = EXCLUDED.prefix, "revokedAt" = NULL`,
        [labelStore, hashApiToken(labelToken), tokenPrefix(labelToken)],
      );
      // The same 400 orders every run, put back in progress (an order may carry several labels over its life):
      // an earlier run's labels are voided and refunded first, as the app would, so each order can take one again.
      const toLabel = (
        await sql.query<{ id: string }>(
          `UPDATE orders SET status = 'IN_PROGRESS' WHERE "storeId" = $1 AND id IN (SELECT id FROM orders WHERE "storeId" = $1 ORDER BY number LIMIT $2) RETURNING id`,
          [labelStore, work(400)],
        )
      ).rows.map((r) => r.id);
      await sql.query(
        `WITH v AS (UPDATE shipments SET status = 'VOIDED', "voidedAt" = now(), "voidReason" = 'requested', "updatedAt" = now()
                    WHERE "storeId" = $1 AND "orderId" = ANY($2::uuid[]) AND kind = 'CARRIER' AND status NOT IN ('FAILED', 'VOIDED') RETURNING id, "orderId", cost),
              total AS (SELECT coalesce(sum(cost), 0) AS s FROM v),
              w AS (UPDATE wallets SET balance = balance + (SELECT s FROM total), "updatedAt" = now() WHERE "storeId" = $1 RETURNING balance)
         INSERT INTO wallet_entries ("storeId", id, kind, amount, "balanceAfter", "orderId", "shipmentId", reference, "actorName", "createdAt")
         SELECT $1, gen_random_uuid(), 'REFUND', v.cost, (SELECT balance FROM w) - (SELECT s FROM total) + sum(v.cost) OVER (ORDER BY v.id), v."orderId", v.id, 'Label voided (bench reset)', 'bench', now()
         FROM v WHERE v.cost > 0`,
        [labelStore, toLabel],
      );
      const run = Date.now().toString(36);
      const branch = (await sql.query<{ id: string }>(`SELECT id FROM branches WHERE "storeId" = $1 AND "isDefault"`, [labelStore])).rows[0].id;
      const labels = await load(
        async (i) =>
          (
            await fetch(`${BASE}/api/v1/orders/${toLabel[i]}/shipments`, {
              method: "POST",
              headers: { authorization: `Bearer ${labelToken}`, "content-type": "application/json", "idempotency-key": `bench-label-${run}-${toLabel[i]}` },
              body: JSON.stringify({
                branchId: branch,
                carrier: "aramex",
                packages: [{ weightGrams: 800, lengthCm: 20, widthCm: 15, heightCm: 10 }],
                handover: "dropoff",
              }),
            })
          ).status === 201,
        { concurrency: 32, count: toLabel.length },
      );
      // A label is debited when it is asked for (PENDING) and refunded if it fails or is voided: a label still
      // waiting for the carrier's answer (the reconciler settles it) counts as debited.
      const books = (
        await sql.query(
          `SELECT w.balance, (SELECT sum(amount) FROM wallet_entries e WHERE e."storeId" = w."storeId") AS ledger, (SELECT count(*) FROM wallet_entries e WHERE e."storeId" = w."storeId" AND kind = 'LABEL') AS debits, (SELECT count(*) FROM wallet_entries e WHERE e."storeId" = w."storeId" AND kind = 'REFUND') AS refunds, (SELECT count(*) FROM shipments s WHERE s."storeId" = w."storeId" AND s.kind = 'CARRIER' AND s.status NOT IN ('FAILED', 'VOIDED')) AS labels, (SELECT count(*) FROM shipments s WHERE s."storeId" = w."storeId" AND s.kind = 'CARRIER' AND s.status = 'PENDING') AS pending FROM wallets w WHERE w."storeId" = $1`,
          [labelStore],
        )
      ).rows[0];
      const violations = [
        Number(books.balance) !== Number(books.ledger),
        Number(books.balance) < 0,
        Number(books.labels) !== Number(books.debits) - Number(books.refunds),
      ].filter(Boolean).length;
      const labelsFloor = await load(
        async (i) => {
          return floorTransaction(sql, async (c) => {
            // As the app: the order's lock and its live-label check, then the debit and the rows. (Marked
            // 'VOIDED' and 'bench-floor': every order has its live label by now, and they are taken out after.)
            await c.query(`SELECT status FROM orders WHERE "storeId" = $1 AND id = $2 FOR UPDATE`, [labelStore, toLabel[i]]);
            await c.query(
              `SELECT status FROM shipments WHERE "storeId" = $1 AND "orderId" = $2 AND kind = 'CARRIER' AND status NOT IN ('FAILED', 'VOIDED') LIMIT 1`,
              [labelStore, toLabel[i]],
            );
            const debit = await c.query(
              `UPDATE wallets SET balance = balance - 2250, "updatedAt" = now() WHERE "storeId" = $1 AND balance >= 2250 RETURNING balance`,
              [labelStore],
            );
            const id = (
              await c.query(
                `INSERT INTO shipments ("storeId", id, "orderId", kind, carrier, "courierName", status, cost, currency, "destinationCity", "updatedAt") VALUES ($1, gen_random_uuid(), $2, 'CARRIER', 'aramex', 'bench-floor', 'VOIDED', 2250, 'SAR', 'riyadh', now()) RETURNING id`,
                [labelStore, toLabel[i]],
              )
            ).rows[0].id;
            await c.query(
              `INSERT INTO wallet_entries ("storeId", id, kind, amount, "balanceAfter", "shipmentId", reference) VALUES ($1, gen_random_uuid(), 'LABEL', -2250, $2, $3, 'bench-floor')`,
              [labelStore, debit.rows[0].balance, id],
            );
            return true;
          });
        },
        { concurrency: 32, count: toLabel.length },
      );
      // The floor's rows go again: the books stay the app's own.
      await sql.query(
        `UPDATE wallets SET balance = balance - (SELECT coalesce(sum(amount), 0) FROM wallet_entries WHERE "storeId" = $1 AND reference = 'bench-floor'), "updatedAt" = now() WHERE "storeId" = $1`,
        [labelStore],
      );
      await sql.query(`DELETE FROM wallet_entries WHERE "storeId" = $1 AND reference = 'bench-floor'`, [labelStore]);
      await sql.query(`DELETE FROM shipments WHERE "storeId" = $1 AND "courierName" = 'bench-floor'`, [labelStore]);
      results.push({
        scenario: "labels, one wallet",
        concurrency: 32,
        ...labels,
        floor: floorOf(labelsFloor),
        note: `${violations} invariant violations (balance ${books.balance}, ledger ${books.ledger}, labels ${books.labels} of which ${books.pending} waiting for the carrier, debits ${books.debits}, refunds ${books.refunds})`,
      });
      checks.push({
        name: "labels: labels = debits − refunds, ledger = balance, balance ≥ 0",
        ok: violations === 0,
        detail: `balance ${books.balance}, ledger ${books.ledger}, labels ${books.labels}, debits ${books.debits}, refunds ${books.refunds}`,
      });
      log(`labels: ${round(labels.rps)}/s vs floor ${round(labelsFloor.rps)}/s; ${violations} invariant violations; ${JSON.stringify(books)}`);
    }

    if (want("tax invoices")) {
      // Tax invoices: 16 clients invoicing orders of ONE store at once (POST /api/v1/orders/{id}/tax-documents):
      // every document waits on the store's chain lock for its number, counter and PIH, and is built, hashed
      // and stamped inside it. The floor: the same lock, document row and counters by pg, without the XML.
      const taxStore = (await sql.query<{ id: string }>("SELECT id FROM stores WHERE slug = 'bench-2'")).rows[0].id;
      const taxToken = generateApiToken(taxStore);
      await sql.query(
        `INSERT INTO api_tokens (id, "storeId", name, role, "tokenHash", prefix, "createdById") VALUES (md5('bench-label-token')::uuid, $1, 'bench', 'OWNER', $2, $3, md5('bench-owner')::uuid)
         ON CONFLICT ("storeId", id) DO UPDATE SET "tokenHash" = EXCLUDED."tokenHash", prefix = EXCLUDED.prefix, "revokedAt" = NULL`,
        [taxStore, hashApiToken(taxToken), tokenPrefix(taxToken)],
      );
      // The store's stamp key, encrypted under the installation's own key as the app keeps it.
      await sql.query(
        `INSERT INTO installation_settings (key, value) VALUES ('secret:tax-stamp-keys', md5(random()::text) || md5(random()::text)) ON CONFLICT (key) DO NOTHING`,
      );
      const secret = (await sql.query<{ value: string }>(`SELECT value FROM installation_settings WHERE key = 'secret:tax-stamp-keys'`)).rows[0].value;
      const { newStampKeys } = await import("../src/server/tax/stamp");
      const keys = newStampKeys(secret);
      // Benchmark data only: each run starts the store's chain again (issued documents are never deleted in the app).
      // Canceled orders are not invoiced (409): they are left out.
      const toInvoice = (
        await sql.query<{ id: string }>(`SELECT id FROM orders WHERE "storeId" = $1 AND status <> 'CANCELED' ORDER BY number DESC LIMIT $2`, [
          taxStore,
          work(400),
        ])
      ).rows.map((r) => r.id);
      await sql.query(`DELETE FROM tax_documents WHERE "storeId" = $1`, [taxStore]);
      await sql.query(
        `INSERT INTO tax_profiles ("storeId", "vatRegistered", "legalNameAr", "legalNameEn", "vatNumber", "buildingNumber", street, district, city, "postalCode", "issueOn", "publicKey", "privateKeyEnc", "certificateSignature", "updatedAt")
         VALUES ($1, true, 'مؤسسة المتجر الثاني', 'Second Bench Store', '300000000000003', '2322', 'طريق الملك فهد', 'العليا', 'الرياض', '12211', 'BY_HAND', $2, $3, $4, now())
         ON CONFLICT ("storeId") DO UPDATE SET "vatRegistered" = true, "issueOn" = 'BY_HAND', "invoiceCount" = 0, "creditNoteCount" = 0, "debitNoteCount" = 0, "lastIcv" = 0, "lastHash" = NULL,
           "publicKey" = $2, "privateKeyEnc" = $3, "certificateSignature" = $4`,
        [taxStore, keys.publicKey, keys.privateKeyEnc, Buffer.from("bench").toString("base64")],
      );
      const invoices = await load(
        async (i) =>
          (
            await fetch(`${BASE}/api/v1/orders/${toInvoice[i]}/tax-documents`, {
              method: "POST",
              headers: { authorization: `Bearer ${taxToken}`, "content-type": "application/json" },
              body: JSON.stringify({ kind: "invoice" }),
            })
          ).status === 201,
        { concurrency: 16, count: toInvoice.length },
      );
      // The chain as issued: counters 1…n without a gap, each PIH the hash of the document before.
      const chain = (
        await sql.query<{ n: number; gaps: number; broken: number }>(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE icv <> rn)::int AS gaps, count(*) FILTER (WHERE rn > 1 AND "previousHash" IS DISTINCT FROM prev)::int AS broken
           FROM (SELECT icv, "previousHash", row_number() OVER (ORDER BY icv) AS rn, lag(hash) OVER (ORDER BY icv) AS prev FROM tax_documents WHERE "storeId" = $1) d`,
          [taxStore],
        )
      ).rows[0];
      const sampleXml = "x".repeat(6000);
      const taxFloor = await load(
        async (i) => {
          return floorTransaction(sql, async (c) => {
            // As the app: the order's lock, its invoices, its lines; then the chain's lock, the document and the counters.
            await c.query(`SELECT id FROM orders WHERE "storeId" = $1 AND id = $2 FOR UPDATE`, [taxStore, toInvoice[i]]);
            await c.query(`SELECT id FROM tax_documents WHERE "storeId" = $1 AND "orderId" = $2 AND kind = 'INVOICE' AND "netTotal" < 0`, [
              taxStore,
              toInvoice[i],
            ]);
            await c.query(`SELECT name, sku, quantity, "unitPrice" FROM order_items WHERE "storeId" = $1 AND "orderId" = $2`, [taxStore, toInvoice[i]]);
            const chainRow = (await c.query(`SELECT "lastIcv", "lastHash" FROM tax_profiles WHERE "storeId" = $1 FOR UPDATE`, [taxStore])).rows[0] as {
              lastIcv: number;
            };
            await c.query(
              `INSERT INTO tax_documents ("storeId", id, "orderId", kind, number, sequence, icv, uuid, "issuedAt", currency, "vatRegistered", "vatRateBp", lines, "netTotal", "vatTotal", total, "paymentMethod", seller, buyer, xml, hash, "previousHash", signature, qr, "reportStatus", "actorName")
             VALUES ($1, gen_random_uuid(), $2, 'DEBIT_NOTE', 'bench-floor', $3, $3, gen_random_uuid(), now(), 'SAR', true, 1500, '[]', -1, 0, 0, 'CARD', '{}', '{}', $4, 'h', 'p', 's', 'q', 'NOT_REQUIRED', 'bench-floor')`,
              [taxStore, toInvoice[i], chainRow.lastIcv + 1, sampleXml],
            );
            await c.query(`UPDATE tax_profiles SET "lastIcv" = "lastIcv" + 1, "lastHash" = 'h' WHERE "storeId" = $1`, [taxStore]);
            await c.query(`INSERT INTO jobs (kind, payload, "storeId", "runAt", "doneAt") VALUES ('tax.report', '{}', $1, now(), now())`, [taxStore]);
            return true;
          });
        },
        { concurrency: 16, count: toInvoice.length },
      );
      await sql.query(`DELETE FROM tax_documents WHERE "storeId" = $1 AND "actorName" = 'bench-floor'`, [taxStore]);
      // Not reported from the benchmark (its store was never onboarded): the worker's reporting would weigh on the scenarios after.
      await sql.query(`DELETE FROM jobs WHERE "storeId" = $1 AND kind = 'tax.report'`, [taxStore]);
      await sql.query(`UPDATE tax_documents SET "reportStatus" = 'NOT_REQUIRED' WHERE "storeId" = $1 AND "reportStatus" = 'PENDING'`, [taxStore]);
      results.push({
        scenario: "tax invoices, one chain",
        concurrency: 16,
        ...invoices,
        floor: floorOf(taxFloor),
        note: `${chain.n} documents, ${chain.gaps} counter gaps, ${chain.broken} broken links`,
      });
      checks.push({
        name: "tax invoices: one document per request, counters without gaps, each PIH the hash before",
        ok: chain.n === invoices.requests - invoices.errors && chain.gaps === 0 && chain.broken === 0 && invoices.errors === 0,
        detail: `${chain.n} documents for ${invoices.requests} requests (${invoices.errors} errors), ${chain.gaps} gaps, ${chain.broken} broken links`,
      });
      log(`tax invoices: ${round(invoices.rps)}/s vs floor ${round(taxFloor.rps)}/s; ${chain.gaps} gaps, ${chain.broken} broken links`);
    }

    if (want("export")) {
      // Every order of the big store as one CSV download from the orders page, streamed: its time, its rows,
      // and the app's memory while it runs (the whole process group's resident size, sampled), against the
      // floor: the same rows and columns read by one SQL query.
      const cookie = await signInCookie("owner@bench.test", BENCH_PASSWORD);
      // The resident size of the app server and every process under it, in KB.
      const rssOfGroup = () => residentByRole(server!.pid!).total;
      const before = rssOfGroup();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOfGroup())), 100);
      let rows = 0;
      let bytes = 0;
      const exported = await load(
        async () => {
          const res = await fetch(
            `${BASE}/s/bench-1/orders/export?format=csv&columns=number,placedAt,status,customerName,customerPhone,city,items,total,currency,paymentMethod,carrier,trackingNumber,tags`,
            { headers: { cookie } },
          );
          if (!res.ok || !res.body) return false;
          rows = -1;
          bytes = 0;
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
            bytes += chunk.byteLength;
            for (const b of chunk) if (b === 10) rows += 1;
          }
          return true;
        },
        { concurrency: 1, count: CHECK ? 1 : 2 },
      );
      clearInterval(sampler);
      const [{ n: expected }] = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders WHERE "storeId" = $1`, [storeId])).rows;
      const floor = await load(
        async () =>
          (
            await sql.query(
              `SELECT o.number, o."placedAt", o.status, o."customerName", o."customerPhone", o."shippingCity", o.total, o.currency, o."paymentMethod", sh.carrier, sh."trackingNumber",
                (SELECT string_agg(i.sku || ' × ' || i.quantity, '; ') FROM order_items i WHERE i."storeId" = $1 AND i."orderId" = o.id),
                (SELECT string_agg(t.name, ', ') FROM order_tags ot JOIN tags t ON t."storeId" = ot."storeId" AND t.id = ot."tagId" WHERE ot."storeId" = $1 AND ot."orderId" = o.id)
              FROM orders o LEFT JOIN LATERAL (SELECT carrier, "trackingNumber" FROM shipments s WHERE s."storeId" = $1 AND s."orderId" = o.id AND s.status NOT IN ('FAILED', 'VOIDED') ORDER BY s."createdAt" DESC LIMIT 1) sh ON true
              WHERE o."storeId" = $1 ORDER BY o."placedAt" DESC, o.id DESC`,
              [storeId],
            )
          ).rowCount === expected,
        { concurrency: 1, count: 1 },
      );
      const grown = Math.round((peak - before) / 1024);
      results.push({
        scenario: "export: every order of the big store, CSV (page)",
        concurrency: 1,
        ...exported,
        errors: exported.errors + (rows === expected ? 0 : 1),
        floor: floorOf(floor),
        note: `${rows} of ${expected} orders, ${round(bytes / 1e6)} MB; the app's processes grew by at most ${grown} MB while it ran (from ${Math.round(before / 1024)} MB)`,
      });
      checks.push({ name: "export: every order once", ok: rows === expected, detail: `${rows} rows for ${expected} orders` });
      log(`export: ${rows} orders in ${round(exported.p50 / 1000)} s vs floor ${round(floor.p50 / 1000)} s; memory grew ≤ ${grown} MB`);
    }

    if (want("messages")) {
      // The Messages page's sent box (newest first) with this month's spend per channel, against its floor: the
      // same keyset read and the same sum over the month's range of the store's messages.
      const cookie = await signInCookie("owner@bench.test", BENCH_PASSWORD);
      const html = async (p: string) => {
        const res = await fetch(`${BASE}${p}`, { headers: { cookie }, redirect: "manual" });
        await res.arrayBuffer();
        return res.status === 200;
      };
      if (!(await html("/s/bench-1/messages?box=sent"))) throw new Error("the messages page did not answer 200 for the signed-in owner");
      const app = await load(() => html("/s/bench-1/messages?box=sent"), { concurrency: 8 });
      const floor = await load(
        async () => {
          await Promise.all([
            sql.query(
              `SELECT m.*, o.number FROM sms_messages m LEFT JOIN orders o ON o."storeId" = m."storeId" AND o.id = m."orderId" WHERE m."storeId" = $1 ORDER BY m."createdAt" DESC, m.id DESC LIMIT 51`,
              [storeId],
            ),
            sql.query(
              `SELECT channel, "priceUnit", count(*), sum("priceMicros") FROM sms_messages WHERE "storeId" = $1 AND "createdAt" >= date_trunc('month', now()) GROUP BY 1, 2`,
              [storeId],
            ),
          ]);
          return true;
        },
        { concurrency: 8 },
      );
      results.push({ scenario: "messages: the sent box with this month's spend (page)", concurrency: 8, ...app, floor: floorOf(floor) });
      log(`messages (page): p95 ${round(app.p95)} ms vs floor ${round(floor.p95)} ms`);
    }

    if (want("cod")) {
      // The Cash on delivery page of the big store (per carrier, aging, mismatches, statements, 60 days of
      // outstanding cash), against its floor: the same statements straight to Postgres.
      const cookie = await signInCookie("owner@bench.test", BENCH_PASSWORD);
      const html = async (p: string) => {
        const res = await fetch(`${BASE}${p}`, { headers: { cookie }, redirect: "manual" });
        await res.arrayBuffer();
        return res.status === 200;
      };
      if (!(await html("/s/bench-1/cod"))) throw new Error("the Cash on delivery page did not answer 200 for the signed-in owner");
      const app = await load(() => html("/s/bench-1/cod"), { concurrency: 8 });
      const floor = await load(
        async () => {
          await Promise.all([
            sql.query(
              `SELECT carrier, count(*), sum(amount), sum("collectedAmount"), sum(remitted), sum(settled), sum(outstanding) FROM cod_collections WHERE "storeId" = $1 GROUP BY carrier`,
              [storeId],
            ),
            sql.query(
              `SELECT carrier, floor(extract(epoch FROM (now() - ("deliveredAt" AT TIME ZONE 'UTC'))) / 86400)::int, count(*), sum(outstanding) FROM cod_collections WHERE "storeId" = $1 AND outstanding <> 0 AND outstanding > 0 GROUP BY 1, 2`,
              [storeId],
            ),
            sql.query(
              `SELECT c.id, o.number FROM cod_collections c JOIN orders o ON o."storeId" = c."storeId" AND o.id = c."orderId" WHERE c."storeId" = $1 AND c.outstanding <> 0 AND c.remittances > 0 ORDER BY c."deliveredAt", c.id LIMIT 25`,
              [storeId],
            ),
            sql.query(
              `SELECT (SELECT count(*) FROM cod_collections WHERE "storeId" = $1 AND outstanding <> 0 AND remittances > 0) + (SELECT count(*) FROM cod_entries e WHERE e."storeId" = $1 AND e."collectionId" IS NULL AND e.kind = 'REMITTANCE' AND NOT EXISTS (SELECT 1 FROM cod_entries x WHERE x."storeId" = e."storeId" AND (x."settlesId" = e.id OR x."reversesId" = e.id)))`,
              [storeId],
            ),
            sql.query(`SELECT * FROM cod_statements WHERE "storeId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT 20`, [storeId]),
            sql.query(
              `SELECT carrier, to_char("deliveredAt", 'YYYY-MM-DD'), sum(amount) FROM cod_collections WHERE "storeId" = $1 AND "deliveredAt" >= now() - interval '61 days' GROUP BY 1, 2`,
              [storeId],
            ),
            sql.query(
              `SELECT carrier, to_char("createdAt", 'YYYY-MM-DD'), sum(amount) FROM cod_entries WHERE "storeId" = $1 AND "collectionId" IS NOT NULL AND "createdAt" >= now() - interval '61 days' GROUP BY 1, 2`,
              [storeId],
            ),
          ]);
          return true;
        },
        { concurrency: 8 },
      );
      const [{ n }] = (await sql.query(`SELECT count(*)::int AS n FROM cod_collections WHERE "storeId" = $1`, [storeId])).rows as { n: number }[];
      results.push({
        scenario: "cod: the Cash on delivery page of the big store (page)",
        concurrency: 8,
        ...app,
        floor: floorOf(floor),
        note: `${n} expected collections in the store`,
      });
      log(`cod (page): p95 ${round(app.p95)} ms vs floor ${round(floor.p95)} ms over ${n} collections`);
    }

    if (want("home")) {
      // The store's home page over the last 90 days with the 90 before (what a merchant opens every morning),
      // against its floor: the same reads of the daily rollups, the moment's late count and the cash to collect.
      const cookie = await signInCookie("owner@bench.test", BENCH_PASSWORD);
      const html = async (p: string) => {
        const res = await fetch(`${BASE}${p}`, { headers: { cookie }, redirect: "manual" });
        await res.arrayBuffer();
        return res.status === 200;
      };
      if (!(await html("/s/bench-1?days=90"))) throw new Error("the home page did not answer 200 for the signed-in owner");
      const app = await load(() => html("/s/bench-1?days=90"), { concurrency: 8 });
      const floor = await load(
        async () => {
          await Promise.all([
            sql.query(`SELECT * FROM store_daily_stats WHERE "storeId" = $1 AND day BETWEEN current_date - 179 AND current_date ORDER BY day`, [storeId]),
            sql.query(
              `SELECT sku, max(name), sum(quantity), sum(revenue) FROM store_daily_products WHERE "storeId" = $1 AND day BETWEEN current_date - 89 AND current_date GROUP BY sku ORDER BY sum(quantity) DESC LIMIT 5`,
              [storeId],
            ),
            sql.query(`SELECT sum("codOpenCount"), sum("codOpenAmount") FROM store_daily_stats WHERE "storeId" = $1`, [storeId]),
            sql.query(
              `SELECT count(*) FROM (SELECT 1 FROM orders WHERE "storeId" = $1 AND status IN ('RECEIVED', 'IN_PROGRESS') AND "placedAt" < now() - interval '48 hours' LIMIT 1001) x`,
              [storeId],
            ),
          ]);
          return true;
        },
        { concurrency: 8 },
      );
      // What the rollups spare: the same period's numbers counted from the orders themselves.
      const scan = await load(
        async () =>
          (
            await sql.query(
              `SELECT date_trunc('day', "placedAt"), status, count(*), sum(total) FROM orders WHERE "storeId" = $1 AND "placedAt" > now() - interval '180 days' GROUP BY 1, 2`,
              [storeId],
            )
          ).rowCount !== null,
        { concurrency: 1, count: CHECK ? 1 : 3 },
      );
      results.push({
        scenario: "home: last 90 days vs the 90 before (page)",
        concurrency: 8,
        ...app,
        floor: floorOf(floor),
        note: `counting the same period from the orders instead of the daily rollups takes ${round(scan.p50)} ms a time`,
      });
      log(`home: p95 ${round(app.p95)} ms vs floor ${round(floor.p95)} ms; a scan of the orders ${round(scan.p50)} ms`);
    }

    if (want("scorecard")) {
      // The carrier scorecard over a year (every carrier and city of the big store), against its floor: the
      // same sums of the carriers' daily rollups; and what the rollups spare, a count from the shipments.
      const cookie = await signInCookie("owner@bench.test", BENCH_PASSWORD);
      const html = async (p: string) => {
        const res = await fetch(`${BASE}${p}`, { headers: { cookie }, redirect: "manual" });
        await res.arrayBuffer();
        return res.status === 200;
      };
      if (!(await html("/s/bench-1/settings/shipping/scorecard?days=365"))) throw new Error("the scorecard did not answer 200 for the signed-in owner");
      const app = await load(() => html("/s/bench-1/settings/shipping/scorecard?days=365"), { concurrency: 8 });
      const floor = await load(
        async () =>
          (
            await sql.query(
              `WITH d AS (SELECT * FROM carrier_daily_stats WHERE "storeId" = $1 AND day BETWEEN current_date - 364 AND current_date)
               SELECT carrier, city, sum(labels), sum(cost), sum(delivered), sum(returned), sum("ratingSum"), sum("ratingCount"),
                 (SELECT array_agg(n ORDER BY i) FROM (SELECT i, sum(v) AS n FROM d d2, unnest(d2."deliverDays") WITH ORDINALITY u(v, i)
                   WHERE d2.carrier = d.carrier AND d2.city = d.city GROUP BY i) h)
               FROM d GROUP BY carrier, city`,
              [storeId],
            )
          ).rowCount !== null,
        { concurrency: 8 },
      );
      const scan = await load(
        async () =>
          (
            await sql.query(
              `SELECT carrier, "destinationCity", count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY "deliveredAt" - "createdAt")
               FROM shipments WHERE "storeId" = $1 AND kind = 'CARRIER' AND "createdAt" > now() - interval '365 days' GROUP BY 1, 2`,
              [storeId],
            )
          ).rowCount !== null,
        { concurrency: 1, count: CHECK ? 1 : 3 },
      );
      results.push({
        scenario: "scorecard: every carrier and city over a year (page)",
        concurrency: 8,
        ...app,
        floor: floorOf(floor),
        note: `counting the same year from the shipments instead of the carriers' daily rollups takes ${round(scan.p50)} ms a time`,
      });
      log(`scorecard: p95 ${round(app.p95)} ms vs floor ${round(floor.p95)} ms; a scan of the shipments ${round(scan.p50)} ms`);
    }

    if (want("import")) {
      // A products file of 5,000 rows (the big store's 20 SKUs changed, the rest new, stock at its three
      // branches) read into a preview through the upload route, against its floor: the reads the preview
      // makes of the store (its variants by SKU, their stock) and the write of a preview row of the same size.
      const cookie = await signInCookie("owner@bench.test", BENCH_PASSWORD);
      const ROWS = 5_000;
      const lines = ["SKU,Product,Option,Price,Weight (g),Stock: Branch 1,Stock: Branch 2,Stock: Branch 3"];
      for (let i = 1; i <= ROWS; i++)
        lines.push(
          `BN-${String(i).padStart(3, "0")},Product ${Math.ceil(i / 4)},Size ${i % 4},${25 + (i % 90)}.50,${300 + (i % 700)},${i % 50},${i % 7},${i % 13}`,
        );
      const file = Buffer.from(lines.join("\r\n"), "utf8");
      const skus = Array.from({ length: ROWS }, (_, i) => `BN-${String(i + 1).padStart(3, "0")}`);
      const upload = async () => {
        const res = await fetch(`${BASE}/s/bench-1/products/import/upload?name=bench.csv`, {
          method: "POST",
          headers: { cookie, "content-type": "text/csv", "x-tajer-upload": "1" },
          body: file,
        });
        const body = (await res.json()) as { id?: string };
        return res.status === 201 && !!body.id;
      };
      if (!(await upload())) throw new Error("the import's upload did not answer 201 for the signed-in owner");
      const app = await load(upload, { concurrency: 1, count: CHECK ? 1 : 5 });
      const floor = await load(
        async () => {
          const variants = await sql.query(
            `SELECT v.id, v.sku, v."productId", p.name, v."optionLabel", v.price, v."weightGrams", v."lengthMm", v."widthMm", v."heightMm", v.active
             FROM product_variants v JOIN products p ON p."storeId" = v."storeId" AND p.id = v."productId" WHERE v."storeId" = $1 AND v.sku = ANY($2)`,
            [storeId, skus],
          );
          await sql.query(`SELECT "variantId", "branchId", quantity FROM stock_levels WHERE "storeId" = $1 AND "variantId" = ANY($2)`, [
            storeId,
            variants.rows.map((v: { id: string }) => v.id),
          ]);
          const plan = JSON.stringify(lines.slice(1).map((l, i) => ({ row: i + 2, cells: l.split(",") })));
          await sql.query(`CREATE TEMP TABLE IF NOT EXISTS floor_previews (plan jsonb)`);
          await sql.query(`INSERT INTO floor_previews VALUES ($1::jsonb)`, [plan]);
          return true;
        },
        { concurrency: 1, count: CHECK ? 1 : 5 },
      );
      results.push({
        scenario: "catalog import: a 5,000-row file read into a preview (upload)",
        concurrency: 1,
        ...app,
        floor: floorOf(floor),
        note: `${Math.round(file.length / 1024)} KB; the preview parses, checks every cell and plans against the store's variants and stock`,
      });
      log(`import preview: p50 ${round(app.p50)} ms vs floor ${round(floor.p50)} ms`);
    }

    if (CHECK) {
      // After every scenario's writes (intake, moves, labels — many at once), the daily rollups the triggers
      // kept must be what counting the orders again gives: kept rows saved aside, counted again, compared.
      const client = await sql.connect();
      try {
        await client.query("BEGIN");
        await client.query(`CREATE TEMP TABLE kept_stats ON COMMIT DROP AS SELECT * FROM store_daily_stats`);
        await client.query(`CREATE TEMP TABLE kept_products ON COMMIT DROP AS SELECT * FROM store_daily_products`);
        await client.query(`SELECT tajer_rebuild_daily()`);
        const zero = `'{0,0,0,0,0,0,0,0,0,0,0,0,0,0}'`;
        const nonEmpty = `placed <> 0 OR "codOpenCount" <> 0 OR "shipHours" <> ${zero} OR "deliverHours" <> ${zero}`;
        const [{ n }] = (
          await client.query<{ n: number }>(
            `SELECT ((SELECT count(*) FROM (SELECT * FROM kept_stats WHERE ${nonEmpty} EXCEPT SELECT * FROM store_daily_stats) a)
              + (SELECT count(*) FROM (SELECT * FROM store_daily_stats EXCEPT SELECT * FROM kept_stats) b)
              + (SELECT count(*) FROM (SELECT * FROM kept_products WHERE quantity <> 0 EXCEPT SELECT * FROM store_daily_products) c)
              + (SELECT count(*) FROM (SELECT * FROM store_daily_products EXCEPT SELECT * FROM kept_products) d))::int AS n`,
          )
        ).rows;
        // The carriers' days likewise, from the shipments and reviews.
        await client.query(`CREATE TEMP TABLE kept_carriers ON COMMIT DROP AS SELECT * FROM carrier_daily_stats`);
        await client.query(`SELECT tajer_rebuild_carrier_daily()`);
        const emptyDays = `array_fill(0, ARRAY[29])`;
        const [{ c }] = (
          await client.query<{ c: number }>(
            `SELECT ((SELECT count(*) FROM (SELECT * FROM kept_carriers WHERE labels <> 0 OR "ratingCount" <> 0 OR "deliverDays" <> ${emptyDays}
                       EXCEPT SELECT * FROM carrier_daily_stats) a)
              + (SELECT count(*) FROM (SELECT * FROM carrier_daily_stats EXCEPT SELECT * FROM kept_carriers) b))::int AS c`,
          )
        ).rows;
        await client.query("COMMIT");
        checks.push({ name: "home: the daily rollups equal a recount of the orders after every scenario's writes", ok: n === 0, detail: `${n} rows differ` });
        checks.push({
          name: "scorecard: the carriers' rollups equal a recount of the shipments after every scenario's writes",
          ok: c === 0,
          detail: `${c} rows differ`,
        });
      } finally {
        client.release();
      }
    }
  } finally {
    if (sampler) clearInterval(sampler);
    if (server?.pid && server.exitCode === null) {
      process.kill(-server.pid, "SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    await sql.end();
    await postgres?.stop();
  }

  if (want("label pdf")) {
    // Label PDF: one, and 100 merged (in process, fonts warm).
    const { renderLabelPdf, renderLabelsPdf } = await import("../src/server/shipping/label-pdf");
    const sample = {
      carrierName: "Aramex",
      handover: "dropoff" as const,
      trackingNumber: "12345678901",
      orderNumber: 1042,
      from: { name: "متجر الورد", branch: "الفرع الرئيسي", address: "طريق الخرج 4", city: "الرياض", phone: "+966112345678" },
      to: { name: "سارة القحطاني", phone: "+966501234567", address: "شارع التحلية 12", district: "العليا", city: "الرياض", postalCode: "12345" },
      actualGrams: 800,
      chargeableGrams: 2500,
      pieces: 1,
      codAmount: 33100,
      currency: "SAR",
      date: new Date(),
    };
    await renderLabelPdf(sample);
    const pdf = await load(async () => (await renderLabelPdf(sample)).length > 0, { concurrency: 1, count: 50 });
    results.push({ scenario: "label PDF, one", concurrency: 1, ...pdf });
    const merged = await load(async () => (await renderLabelsPdf(Array(100).fill(sample))).length > 0, { concurrency: 1, count: 3 });
    results.push({ scenario: "label PDF, 100 merged", concurrency: 1, ...merged });
  }

  // First-load JS of the orders page: the runtime every page loads plus the page's entry chunks
  // (its layouts included), from the build's manifests.
  const rootMain = (JSON.parse(fs.readFileSync(".next/build-manifest.json", "utf8")) as { rootMainFiles: string[] }).rootMainFiles;
  const firstLoad = (dir: string, entry: string) => {
    const rsc = fs.readFileSync(`.next/server/app/s/[storeSlug]/${dir}page_client-reference-manifest.js`, "utf8");
    const entries = JSON.parse(/"entryJSFiles":(\{[^}]*\})/.exec(rsc)?.[1] ?? "{}") as Record<string, string[]>;
    const files = [...new Set([...rootMain, ...(entries[`[project]/src/app/s/[storeSlug]/${entry}`] ?? [])])];
    return { files, gzip: files.reduce((n, f) => n + gzipSync(fs.readFileSync(path.join(".next", f))).length, 0) };
  };
  const { files, gzip } = firstLoad("orders/", "orders/page");
  const home = firstLoad("", "page");

  const mb = (kb: number) => Math.round(kb / 1024);
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  const run: Run = {
    date: new Date().toISOString(),
    machine,
    seconds: SECONDS,
    cluster,
    dataSet,
    startupMs: startupMs - buildMs,
    buildMs,
    peakResidentMB: { app: mb(peak.app), worker: mb(peak.worker), wrapper: mb(peak.wrapper), total: mb(peak.total) },
    results,
    firstLoadJsGzipBytes: gzip,
    firstLoadFiles: files.length,
    homeFirstLoadJsGzipBytes: home.gzip,
    homeFiles: home.files.length,
  };
  // BENCH_BESIDE=<a run's .json>: that run's rows beside this one's, scenario by scenario (one server beside the cluster).
  const beside = process.env.BENCH_BESIDE ? (JSON.parse(fs.readFileSync(process.env.BENCH_BESIDE, "utf8")) as Run) : null;
  const table = renderTable(beside ? [beside, run] : [run]);
  console.log(`\n${table}\n`);
  // Every scenario ran and none of its requests failed, in the app or at the floor.
  for (const r of results)
    checks.push({
      name: `${r.scenario}: completes without errors`,
      ok: r.requests > 0 && r.errors === 0 && !r.floor?.errors,
      detail: `${r.requests} requests, ${r.errors} errors${r.floor ? `, floor ${r.floor.errors} errors` : ""}`,
    });
  if (CHECK) {
    checks.push({
      name: "every scenario ran",
      ok: results.length === EXPECTED_SCENARIOS,
      detail: `${results.length} of ${EXPECTED_SCENARIOS}: ${results.map((r) => r.scenario).join("; ")}`,
    });
    finishChecks("bench-check", checks);
  }
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync(`bench/results/${OUT}.md`, `${table}\n`);
  fs.writeFileSync(`bench/results/${OUT}.json`, JSON.stringify(run, null, 2));
}

/** One run of the benchmark as kept in bench/results/<name>.json. */
type Run = {
  date: string;
  machine: string;
  seconds: number;
  /** The Citus cluster it ran on, or null for one PostgreSQL server. */
  cluster: { workers: number; shards: number } | null;
  dataSet: { stores: number; orders: number; big: number };
  startupMs: number;
  buildMs: number;
  peakResidentMB: { app: number; worker: number; wrapper: number; total: number };
  results: Result[];
  firstLoadJsGzipBytes: number;
  firstLoadFiles?: number;
  homeFirstLoadJsGzipBytes: number;
  homeFiles?: number;
};

/** The workers and the shards per table of the cluster the database is on. */
async function clusterShape(sql: pg.Pool): Promise<{ workers: number; shards: number }> {
  const [row] = (
    await sql.query<{ workers: number; shards: number }>(
      `SELECT (SELECT count(*) FROM pg_dist_node WHERE noderole = 'primary' AND groupid <> 0)::int AS workers,
              (SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'orders'::regclass)::int AS shards`,
    )
  ).rows;
  return row;
}

const whereRan = (run: Run) => (run.cluster ? `Citus, ${run.cluster.workers} workers, ${run.cluster.shards} shards` : "no");

/** The results as Markdown: one run, or several side by side (a `cluster` column saying which ran where). */
function renderTable(runs: Run[]): string {
  const last = runs[runs.length - 1];
  const several = runs.length > 1;
  const describe = (run: Run) =>
    [
      `Data set: ${run.dataSet.stores.toLocaleString("en")} stores, ${run.dataSet.orders.toLocaleString("en")} orders, the big store's ${run.dataSet.big.toLocaleString("en")} (the scenarios' store).`,
      "",
      `Server: started in ${round(run.startupMs / 1000)} s (start wrapper to the first page answered${run.buildMs ? `, not counting the build it made first, ${round(run.buildMs / 1000)} s` : ""}). Peak resident memory while the scenarios ran: app server ${run.peakResidentMB.app} MB, worker ${run.peakResidentMB.worker} MB, start wrapper ${run.peakResidentMB.wrapper} MB; the whole installation ${run.peakResidentMB.total} MB at once.`,
    ].join("\n");
  const row = (run: Run, r: Result) =>
    [
      r.scenario,
      ...(several ? [whereRan(run)] : []),
      r.concurrency,
      r.requests,
      r.errors,
      round(r.p50),
      round(r.p95),
      round(r.rps),
      r.floor ? round(r.floor.p50) : "",
      r.floor ? round(r.floor.p95) : "",
      r.floor ? round(r.floor.rps) : "",
      r.floor?.p95 ? `${round(r.p95 / r.floor.p95)}×` : "",
      r.floor?.rps ? `${round(r.rps / r.floor.rps)}×` : "",
    ].join(" | ");
  // Scenario by scenario, each run's row in turn (a scenario one run lacks is left out of it). The deep page is
  // the same scenario whatever its number.
  const same = (name: string) => name.replace(/page [\d,]+ by cursor/, "page N by cursor");
  const rows = last.results.flatMap((r) =>
    runs.map((run) => run.results.find((x) => same(x.scenario) === same(r.scenario))).flatMap((x, i) => (x ? [row(runs[i], x)] : [])),
  );
  return [
    `# Benchmark ${last.date.slice(0, 10)}`,
    "",
    `Machine: ${last.machine}. Each scenario ${last.seconds} s. Ratios: app p95 ÷ floor p95 (lower is better), app throughput ÷ floor throughput (higher is better).`,
    "",
    ...(several
      ? runs.flatMap((run) => [`**cluster ${whereRan(run)}** (${run.date.slice(0, 16).replace("T", " ")} UTC)`, "", describe(run), ""])
      : [describe(last), ""]),
    `| scenario |${several ? " cluster |" : ""} conc. | requests | errors | p50 ms | p95 ms | req/s | floor p50 | floor p95 | floor req/s | p95 ratio | throughput ratio |`,
    `| --- |${several ? " --- |" : ""} ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...rows.map((r) => `| ${r} |`),
    "",
    `First-load JS of the orders page: ${Math.round(last.firstLoadJsGzipBytes / 1024)} KB gzip${last.firstLoadFiles ? ` (${last.firstLoadFiles} files)` : ""}; of the home page with its charts: ${Math.round(last.homeFirstLoadJsGzipBytes / 1024)} KB gzip${last.homeFiles ? ` (${last.homeFiles} files)` : ""}.`,
    ...last.results.filter((r) => r.note).map((r) => `${r.scenario}: ${r.note}.`),
  ].join("\n");
}

/** BENCH_TABLE=a.json,b.json: the table of kept runs side by side, printed (and with BENCH_OUT kept as bench/results/<BENCH_OUT>.md); nothing runs. */
function tableOfKeptRuns(files: string[]) {
  const table = renderTable(files.map((f) => JSON.parse(fs.readFileSync(f, "utf8")) as Run));
  console.log(table);
  if (process.env.BENCH_OUT) fs.writeFileSync(`bench/results/${OUT}.md`, `${table}\n`);
}

if (process.env.BENCH_TABLE) tableOfKeptRuns(process.env.BENCH_TABLE.split(","));
else
  void main().catch((error) => {
    console.error("[bench] failed:", error);
    process.exit(1);
  });
