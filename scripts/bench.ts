// npm run bench — the production build against the benchmark data set (npm run bench:seed), each
// scenario measured through the app and, beside it, its raw-SQL floor: the same rows read or written
// by `pg` directly with the same SQL shape and the same concurrency. Prints a Markdown table and keeps
// bench/results/latest.md and latest.json. BENCH_SECONDS sets each scenario's duration (default 10).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { benchDatabase } from "./bench-seed";

type Sample = { ms: number; ok: boolean };
export type Result = { scenario: string; concurrency: number; requests: number; errors: number; p50: number; p95: number; rps: number; floor?: { p50: number; p95: number; rps: number }; note?: string };

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TOKEN = "tj_bench_owner_token_0001";
const log = (m: string) => console.log("[bench]", m);

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

async function main() {
  const { url, postgres } = await benchDatabase(log);
  const sql = new pg.Pool({ connectionString: url, max: 40 });
  // Idle connections are closed under us when Postgres stops at the end: not an error of the run.
  sql.on("error", () => {});
  let server: ChildProcess | null = null;
  const results: Result[] = [];
  try {
    const [big] = (await sql.query<{ id: string }>("SELECT id FROM stores WHERE slug = 'bench-1'")).rows;
    if (!big) throw new Error("No benchmark data: run `npm run bench:seed` first.");
    const storeId = big.id;
    const { hashApiToken, tokenPrefix } = await import("../src/server/api-tokens/token-hash");
    await sql.query(`INSERT INTO users (id, email, name, "passwordHash") VALUES (md5('bench-owner')::uuid, 'owner@bench.test', 'Bench Owner', 'x') ON CONFLICT DO NOTHING`);
    await sql.query(`INSERT INTO memberships ("storeId", "userId", role) VALUES ($1, md5('bench-owner')::uuid, 'OWNER') ON CONFLICT DO NOTHING`, [storeId]);
    await sql.query(`INSERT INTO api_tokens (id, "storeId", name, role, "tokenHash", prefix, "createdById") VALUES (md5('bench-token')::uuid, $1, 'bench', 'OWNER', $2, $3, md5('bench-owner')::uuid) ON CONFLICT DO NOTHING`, [
      storeId,
      hashApiToken(TOKEN),
      tokenPrefix(TOKEN),
    ]);

    log("starting the production build against the benchmark database…");
    server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), HOST: "127.0.0.1", TAJER_SEED: "false", API_RATE_LIMIT_PER_MINUTE: "10000000", DATABASE_POOL_SIZE: "20", CARRIER_SIM_LATENCY_MS: "0" },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error("the app did not start");
      const up = await fetch(`${BASE}/signin`).then((r) => r.ok).catch(() => false);
      if (up) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const api = (p: string, init: RequestInit = {}) => fetch(`${BASE}${p}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...(init.headers ?? {}) } });
    const get = async (p: string) => (await api(p)).ok;

    // The rows each read scenario touches, and its floor's SQL (the shape the app's query has).
    const phone = (await sql.query<{ phone: string }>(`SELECT "customerPhone" AS phone FROM orders WHERE "storeId" = $1 ORDER BY "placedAt" DESC LIMIT 1 OFFSET 5000`, [storeId])).rows[0].phone;
    const fragment = phone.slice(-7, -1);
    const deep = (await sql.query<{ placedAt: Date; id: string }>(`SELECT "placedAt", id FROM orders WHERE "storeId" = $1 ORDER BY "placedAt" DESC, id DESC OFFSET 99999 LIMIT 1`, [storeId])).rows[0];
    const { encodeCursor } = await import("../src/server/orders/cursor");
    const cursor = encodeCursor({ placedAt: deep.placedAt, id: deep.id });
    const orderIds = (await sql.query<{ id: string }>(`SELECT id FROM orders WHERE "storeId" = $1 ORDER BY "placedAt" DESC LIMIT 2000`, [storeId])).rows.map((r) => r.id);
    const listCols = `o.id, o.number, o.status, o."placedAt", o."customerId", o."customerName", o."customerPhone", o."paymentMethod", o."paymentStatus", o."itemsCount", o.total, o.currency, o."branchId"`;
    const withTags = (inner: string) => `SELECT p.*, (SELECT array_agg(t.name) FROM order_tags ot JOIN tags t ON t."storeId" = ot."storeId" AND t.id = ot."tagId" WHERE ot."storeId" = p."storeId" AND ot."orderId" = p.id) AS tags FROM (${inner}) p`;
    const reads: { name: string; http: (i: number) => string; floor: (i: number) => [string, unknown[]] }[] = [
      {
        name: "list: delivered, first page",
        http: () => "/api/v1/orders?status=delivered&limit=50",
        floor: () => [withTags(`SELECT o."storeId", ${listCols} FROM orders o WHERE o."storeId" = $1 AND o.status = 'DELIVERED' ORDER BY o."placedAt" DESC, o.id DESC LIMIT 51`), [storeId]],
      },
      {
        name: "list: search by phone fragment",
        http: () => `/api/v1/orders?q=${fragment}&limit=50`,
        floor: () => [withTags(`SELECT o."storeId", ${listCols} FROM orders o WHERE o."storeId" = $1 AND o."searchText" LIKE $2 ORDER BY o."placedAt" DESC, o.id DESC LIMIT 51`), [storeId, `%${fragment}%`]],
      },
      {
        name: "list: filter by tag",
        http: () => "/api/v1/orders?tag=vip&limit=50",
        floor: () => [
          withTags(`SELECT o."storeId", ${listCols} FROM orders o WHERE o."storeId" = $1 AND EXISTS (SELECT 1 FROM order_tags ot JOIN tags t ON t."storeId" = ot."storeId" AND t.id = ot."tagId" WHERE ot."storeId" = o."storeId" AND ot."orderId" = o.id AND t.name = 'vip') ORDER BY o."placedAt" DESC, o.id DESC LIMIT 51`),
          [storeId],
        ],
      },
      {
        name: "list: page 2,000 by cursor",
        http: () => `/api/v1/orders?limit=50&cursor=${cursor}`,
        floor: () => [withTags(`SELECT o."storeId", ${listCols} FROM orders o WHERE o."storeId" = $1 AND o."placedAt" <= $2 AND (o."placedAt" < $2 OR o.id < $3) ORDER BY o."placedAt" DESC, o.id DESC LIMIT 51`), [storeId, deep.placedAt, deep.id]],
      },
      {
        name: "order detail",
        http: (i) => `/api/v1/orders/${orderIds[i % orderIds.length]}`,
        floor: (i) => [
          `SELECT o.*, (SELECT json_agg(i) FROM order_items i WHERE i."storeId" = o."storeId" AND i."orderId" = o.id) AS items, (SELECT array_agg(t.name) FROM order_tags ot JOIN tags t ON t."storeId" = ot."storeId" AND t.id = ot."tagId" WHERE ot."storeId" = o."storeId" AND ot."orderId" = o.id) AS tags FROM orders o WHERE o."storeId" = $1 AND o.id = $2`,
          [storeId, orderIds[i % orderIds.length]],
        ],
      },
    ];
    for (const r of reads) {
      await get(r.http(0)); // warm
      const app = await load((i) => get(r.http(i)), { concurrency: 8 });
      const floor = await load(async (i) => (await sql.query(...r.floor(i))).rowCount !== null, { concurrency: 8 });
      results.push({ scenario: `${r.name} (API)`, concurrency: 8, ...app, floor: { p50: floor.p50, p95: floor.p95, rps: floor.rps } });
      log(`${r.name}: p95 ${round(app.p95)} ms vs floor ${round(floor.p95)} ms`);
    }
    const page = await load(async () => (await fetch(`${BASE}/signin`)).ok, { concurrency: 8 });
    results.push({ scenario: "sign-in page (HTML, no data)", concurrency: 8, ...page, note: "the HTML pages need a session; the dashboard list page is measured in a later run" });

    // Status transitions: 16 clients, each on its own orders (received → in progress).
    // A fixed set of orders, put back to "received" first so every run does the same work.
    const received = (
      await sql.query<{ id: string }>(`UPDATE orders SET status = 'RECEIVED', "stockTaken" = false WHERE "storeId" = $1 AND id IN (SELECT id FROM orders WHERE "storeId" = $1 AND status IN ('RECEIVED', 'IN_PROGRESS') ORDER BY number LIMIT 4000) RETURNING id`, [storeId])
    ).rows.map((r) => r.id);
    const half = Math.floor(received.length / 2);
    const transitions = await load(async (i) => (await api(`/api/v1/orders/${received[i]}/transitions`, { method: "POST", body: JSON.stringify({ to: "in_progress", notifyCustomer: false }) })).ok, { concurrency: 16, count: half });
    const transitionsFloor = await load(
      async (i) => {
        const c = await sql.connect();
        try {
          await c.query("BEGIN");
          const moved = await c.query(`UPDATE orders SET status = 'IN_PROGRESS', version = version + 1, "inProgressAt" = now(), "updatedAt" = now() WHERE "storeId" = $1 AND id = $2 AND status = 'RECEIVED' RETURNING id`, [storeId, received[half + i]]);
          await c.query(`INSERT INTO order_events ("storeId", id, "orderId", type, "actorType", "actorName", data) VALUES ($1, gen_random_uuid(), $2, 'order.status_changed', 'USER', 'bench', '{"from":"received","to":"in_progress"}')`, [storeId, received[half + i]]);
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
    results.push({ scenario: "status transitions", concurrency: 16, ...transitions, floor: { p50: transitionsFloor.p50, p95: transitionsFloor.p95, rps: transitionsFloor.rps } });
    log(`transitions: ${round(transitions.rps)}/s vs floor ${round(transitionsFloor.rps)}/s`);

    // Labels: 32 clients buying labels on ONE store's wallet (orders put in progress first), then the books.
    const labelStore = (await sql.query<{ id: string }>("SELECT id FROM stores WHERE slug = 'bench-2'")).rows[0].id;
    await sql.query(`INSERT INTO carrier_accounts ("storeId", carrier, enabled, "firstKg", "perAdditionalKg", "codFee", "volumetricDivisor", "weightStepGrams") VALUES ($1, 'aramex', true, 1800, 300, 500, 5000, 500) ON CONFLICT ("storeId", carrier) DO UPDATE SET enabled = true`, [labelStore]);
    const labelToken = "tj_bench_label_token_0001";
    await sql.query(`INSERT INTO api_tokens (id, "storeId", name, role, "tokenHash", prefix, "createdById") VALUES (md5('bench-label-token')::uuid, $1, 'bench', 'OWNER', $2, $3, md5('bench-owner')::uuid) ON CONFLICT DO NOTHING`, [labelStore, hashApiToken(labelToken), tokenPrefix(labelToken)]);
    // The same 400 orders every run, put back in progress (an order may carry several labels over its life).
    const toLabel = (await sql.query<{ id: string }>(`UPDATE orders SET status = 'IN_PROGRESS' WHERE "storeId" = $1 AND id IN (SELECT id FROM orders WHERE "storeId" = $1 ORDER BY number LIMIT 400) RETURNING id`, [labelStore])).rows.map((r) => r.id);
    const branch = (await sql.query<{ id: string }>(`SELECT id FROM branches WHERE "storeId" = $1 AND "isDefault"`, [labelStore])).rows[0].id;
    const labels = await load(
      async (i) =>
        (
          await fetch(`${BASE}/api/v1/orders/${toLabel[i]}/shipments`, {
            method: "POST",
            headers: { authorization: `Bearer ${labelToken}`, "content-type": "application/json", "idempotency-key": `bench-label-${toLabel[i]}` },
            body: JSON.stringify({ branchId: branch, carrier: "aramex", packages: [{ weightGrams: 800, lengthCm: 20, widthCm: 15, heightCm: 10 }], handover: "dropoff" }),
          })
        ).status === 201,
      { concurrency: 32, count: toLabel.length },
    );
    const books = (await sql.query(`SELECT w.balance, (SELECT sum(amount) FROM wallet_entries e WHERE e."storeId" = w."storeId") AS ledger, (SELECT count(*) FROM wallet_entries e WHERE e."storeId" = w."storeId" AND kind = 'LABEL') AS debits, (SELECT count(*) FROM wallet_entries e WHERE e."storeId" = w."storeId" AND kind = 'REFUND') AS refunds, (SELECT count(*) FROM shipments s WHERE s."storeId" = w."storeId" AND s.kind = 'CARRIER' AND s.status NOT IN ('FAILED', 'VOIDED', 'PENDING')) AS labels FROM wallets w WHERE w."storeId" = $1`, [labelStore])).rows[0];
    const violations = [Number(books.balance) !== Number(books.ledger), Number(books.balance) < 0, Number(books.labels) !== Number(books.debits) - Number(books.refunds)].filter(Boolean).length;
    const labelsFloor = await load(
      async () => {
        const c = await sql.connect();
        try {
          await c.query("BEGIN");
          const debit = await c.query(`UPDATE wallets SET balance = balance - 2250, "updatedAt" = now() WHERE "storeId" = $1 AND balance >= 2250 RETURNING balance`, [labelStore]);
          const id = (await c.query(`INSERT INTO shipments ("storeId", id, "orderId", kind, carrier, "courierName", status, cost, currency, "updatedAt") VALUES ($1, gen_random_uuid(), $2, 'CARRIER', 'aramex', 'Aramex', 'CREATED', 2250, 'SAR', now()) RETURNING id`, [labelStore, toLabel[0]])).rows[0].id;
          await c.query(`INSERT INTO wallet_entries ("storeId", id, kind, amount, "balanceAfter", "shipmentId") VALUES ($1, gen_random_uuid(), 'LABEL', -2250, $2, $3)`, [labelStore, debit.rows[0].balance, id]);
          await c.query("COMMIT");
          return true;
        } catch {
          await c.query("ROLLBACK");
          return false;
        } finally {
          c.release();
        }
      },
      { concurrency: 32, count: toLabel.length },
    );
    results.push({ scenario: "labels, one wallet", concurrency: 32, ...labels, floor: { p50: labelsFloor.p50, p95: labelsFloor.p95, rps: labelsFloor.rps }, note: `${violations} invariant violations (balance ${books.balance}, ledger ${books.ledger}, labels ${books.labels}, debits ${books.debits}, refunds ${books.refunds})` });
    log(`labels: ${round(labels.rps)}/s vs floor ${round(labelsFloor.rps)}/s; ${violations} invariant violations`);
  } finally {
    if (server?.pid) {
      process.kill(-server.pid, "SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    await sql.end();
    await postgres?.stop();
  }

  // Label PDF: one, and 100 merged (in process, fonts warm).
  const { renderLabelPdf, renderLabelsPdf } = await import("../src/server/shipping/label-pdf");
  const sample = { carrierName: "Aramex", handover: "dropoff" as const, trackingNumber: "12345678901", orderNumber: 1042, from: { name: "متجر الورد", branch: "الفرع الرئيسي", address: "طريق الخرج 4", city: "الرياض", phone: "+966112345678" }, to: { name: "سارة القحطاني", phone: "+966501234567", address: "شارع التحلية 12", district: "العليا", city: "الرياض", postalCode: "12345" }, actualGrams: 800, chargeableGrams: 2500, pieces: 1, codAmount: 33100, currency: "SAR", date: new Date() };
  await renderLabelPdf(sample);
  const pdf = await load(async () => (await renderLabelPdf(sample)).length > 0, { concurrency: 1, count: 50 });
  results.push({ scenario: "label PDF, one", concurrency: 1, ...pdf });
  const merged = await load(async () => (await renderLabelsPdf(Array(100).fill(sample))).length > 0, { concurrency: 1, count: 3 });
  results.push({ scenario: "label PDF, 100 merged", concurrency: 1, ...merged });

  // First-load JS of the orders page: the runtime every page loads plus the page's entry chunks
  // (its layouts included), from the build's manifests.
  const rootMain = (JSON.parse(fs.readFileSync(".next/build-manifest.json", "utf8")) as { rootMainFiles: string[] }).rootMainFiles;
  const rsc = fs.readFileSync(".next/server/app/s/[storeSlug]/orders/page_client-reference-manifest.js", "utf8");
  const entries = JSON.parse(/"entryJSFiles":(\{[^}]*\})/.exec(rsc)?.[1] ?? "{}") as Record<string, string[]>;
  const files = [...new Set([...rootMain, ...(entries["[project]/src/app/s/[storeSlug]/orders/page"] ?? [])])];
  const gzip = files.reduce((n, f) => n + gzipSync(fs.readFileSync(path.join(".next", f))).length, 0);

  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  const table = [
    `# Benchmark ${new Date().toISOString().slice(0, 10)}`,
    "",
    `Machine: ${machine}. Each scenario ${SECONDS} s. Ratios: app p95 ÷ floor p95 (lower is better), app throughput ÷ floor throughput (higher is better).`,
    "",
    "| scenario | conc. | requests | errors | p50 ms | p95 ms | req/s | floor p50 | floor p95 | floor req/s | p95 ratio | throughput ratio |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.map((r) =>
      [r.scenario, r.concurrency, r.requests, r.errors, round(r.p50), round(r.p95), round(r.rps), r.floor ? round(r.floor.p50) : "", r.floor ? round(r.floor.p95) : "", r.floor ? round(r.floor.rps) : "", r.floor?.p95 ? `${round(r.p95 / r.floor.p95)}×` : "", r.floor?.rps ? `${round(r.rps / r.floor.rps)}×` : ""].join(" | "),
    ).map((row) => `| ${row} |`),
    "",
    `First-load JS of the orders page: ${Math.round(gzip / 1024)} KB gzip (${files.length} files).`,
    ...results.filter((r) => r.note).map((r) => `${r.scenario}: ${r.note}.`),
  ].join("\n");
  console.log(`\n${table}\n`);
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/latest.md", `${table}\n`);
  fs.writeFileSync("bench/results/latest.json", JSON.stringify({ date: new Date().toISOString(), machine, seconds: SECONDS, results, firstLoadJsGzipBytes: gzip }, null, 2));
}

void main().catch((error) => {
  console.error("[bench] failed:", error);
  process.exit(1);
});
