// The crash check (part of `npm test`): the production build takes orders and sells labels under load,
// is killed with SIGKILL in the middle of it (the app, the worker and their wrapper; the database lives
// on, as it would on its own server), and is started again. The clients retry what got no answer with
// the same idempotency keys, as a storefront would. Then: every order is whole or absent, each key made
// exactly one order, the wallet's ledger equals its balance, every debit has a label or a refund, and
// every SMS left exactly once. Uses the benchmark check's 20,000-order data set (seeded when missing).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { startTwilioFake, FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN } from "../tests/support/twilio-fake";
import { finishChecks, type Check } from "./check-report";
import { walletBooks } from "../tests/support/books";

process.env.BENCH_ORDERS ??= "20000";
process.env.BENCH_PG_DIR ??= ".data/bench-check/pg";
process.env.BENCH_PG_PORT ??= "54331";

const PORT = Number(process.env.CRASH_PORT ?? 3320);
const BASE = `http://127.0.0.1:${PORT}`;
const INTAKES = 80;
const LABELS = 48;
const log = (m: string) => console.log("[crash]", m);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startApp(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["scripts/start.mjs"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

async function waitUntilUp() {
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`${BASE}/signin`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await sleep(250);
  }
  throw new Error("the app did not start");
}

/** Every process under `pid` (the wrapper's children: Next and the worker, in their own groups), from /proc. */
function descendants(pid: number): number[] {
  const children = fs
    .readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        // /proc/<pid>/stat: "pid (name) state ppid …"; the name may hold spaces, so read after its ")".
        return Number(fs.readFileSync(`/proc/${e}/stat`, "utf8").split(") ")[1]?.split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return children.flatMap((c) => [c, ...descendants(c)]);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function main() {
  const { benchDatabase, benchSizes, seedBench } = await import("./bench-seed");
  const { url, admin, postgres } = await benchDatabase(log);
  const sql = new pg.Pool({ connectionString: url, max: 10 });
  sql.on("error", () => {});
  const twilio = await startTwilioFake();
  let app: ChildProcess | null = null;
  const checks: Check[] = [];
  try {
    // Orders never labelled before, put in progress: each gets one label request. Earlier runs use
    // them up; then the data set is made afresh.
    const pick = async (storeId: string) =>
      (
        await sql.query<{ id: string }>(
          `UPDATE orders SET status = 'IN_PROGRESS' WHERE "storeId" = $1 AND id IN (SELECT o.id FROM orders o WHERE o."storeId" = $1 AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s."storeId" = o."storeId" AND s."orderId" = o.id) ORDER BY o.number LIMIT $2) RETURNING id`,
          [storeId, LABELS],
        )
      ).rows.map((r) => r.id);
    const findStores = async () =>
      (
        await sql
          .query<{ id: string; slug: string }>("SELECT id, slug FROM stores WHERE slug IN ('bench-1', 'bench-3')")
          .catch(() => ({ rows: [] as { id: string; slug: string }[] }))
      ).rows;
    let stores = await findStores();
    let toLabel = stores.length === 2 ? await pick(stores.find((s) => s.slug === "bench-3")!.id) : [];
    if (toLabel.length < LABELS) {
      await seedBench(url, admin, benchSizes(), log);
      stores = await findStores();
      toLabel = await pick(stores.find((s) => s.slug === "bench-3")!.id);
    }
    const intakeStore = stores.find((s) => s.slug === "bench-1")!.id;
    const labelStore = stores.find((s) => s.slug === "bench-3")!.id;
    const runStart = (await sql.query<{ now: Date }>("SELECT now()")).rows[0].now;

    const { hashApiToken, tokenPrefix } = await import("../src/server/api-tokens/token-hash");
    await sql.query(
      `INSERT INTO users (id, email, name, "passwordHash") VALUES (md5('crash-owner')::uuid, 'owner@crash.test', 'Crash Owner', 'x') ON CONFLICT DO NOTHING`,
    );
    const tokens: Record<string, string> = {};
    for (const [name, storeId] of [
      ["intake", intakeStore],
      ["labels", labelStore],
    ] as const) {
      tokens[name] = `tj_crash_${name}_token_0001`;
      await sql.query(`INSERT INTO memberships ("storeId", "userId", role) VALUES ($1, md5('crash-owner')::uuid, 'OWNER') ON CONFLICT DO NOTHING`, [storeId]);
      await sql.query(
        `INSERT INTO api_tokens (id, "storeId", name, role, "tokenHash", prefix, "createdById") VALUES (md5($4)::uuid, $1, 'crash', 'OWNER', $2, $3, md5('crash-owner')::uuid) ON CONFLICT DO NOTHING`,
        [storeId, hashApiToken(tokens[name]), tokenPrefix(tokens[name]), `crash-token-${name}`],
      );
    }
    await sql.query(
      `INSERT INTO carrier_accounts ("storeId", carrier, enabled, "firstKg", "perAdditionalKg", "codFee", "volumetricDivisor", "weightStepGrams") VALUES ($1, 'aramex', true, 1800, 300, 500, 5000, 500) ON CONFLICT ("storeId", carrier) DO UPDATE SET enabled = true`,
      [labelStore],
    );
    const branch = (await sql.query<{ id: string }>(`SELECT id FROM branches WHERE "storeId" = $1 AND "isDefault"`, [labelStore])).rows[0].id;

    const env = {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      PUBLIC_URL: BASE,
      TAJER_SEED: "false",
      API_RATE_LIMIT_PER_MINUTE: "10000000",
      TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: FAKE_AUTH_TOKEN,
      TWILIO_API_BASE: twilio.base,
      // The carrier takes a moment, so the kill lands between debits and answers.
      CARRIER_SIM_LATENCY_MS: "150",
      // After the restart, take over the dead worker's jobs and settle interrupted labels within seconds.
      JOB_LOCK_SECONDS: "3",
      LABEL_RECONCILE_AFTER_MS: "1000",
      LABEL_RECONCILE_EVERY_MS: "1000",
    };
    log("starting the production build…");
    app = startApp(env);
    await waitUntilUp();
    // Warm the routes the load uses, so the kill lands in the work and not in the first compile.
    for (const token of Object.values(tokens)) await fetch(`${BASE}/api/v1/orders?limit=1`, { headers: { authorization: `Bearer ${token}` } });

    const runId = Date.now().toString(36);
    const intakeBody = (i: number) =>
      JSON.stringify({
        customer: { name: `Crash Customer ${runId} ${i}`, phone: `+9665${String(80_000_000 + i).padStart(8, "0")}` },
        items: [
          { sku: `BN-${String(1 + (i % 20)).padStart(3, "0")}`, quantity: 1 },
          { sku: `BN-${String(1 + ((i + 3) % 20)).padStart(3, "0")}`, quantity: 1 },
        ],
        payment: { method: "cash_on_delivery", status: "pending" },
        shipping: { city: "جدة", address: `Crash street ${i}`, method: "Aramex", fee: 2500 },
      });
    const labelBody = JSON.stringify({
      branchId: branch,
      carrier: "aramex",
      packages: [{ weightGrams: 800, lengthCm: 20, widthCm: 15, heightCm: 10 }],
      handover: "dropoff",
    });
    type Req = { kind: "intake" | "label"; key: string; path: string; token: string; body: string };
    const intakes: Req[] = Array.from({ length: INTAKES }, (_, i) => ({
      kind: "intake",
      key: `crash-${runId}-intake-${i}`,
      path: "/api/v1/orders",
      token: tokens.intake,
      body: intakeBody(i),
    }));
    const labels: Req[] = toLabel.map((orderId) => ({
      kind: "label",
      key: `crash-${runId}-label-${orderId}`,
      path: `/api/v1/orders/${orderId}/shipments`,
      token: tokens.labels,
      body: labelBody,
    }));
    // Intakes and labels interleaved, so the kill finds both in flight.
    const requests: Req[] = [];
    for (let i = 0; i < Math.max(intakes.length, labels.length); i++) requests.push(...[intakes[i], labels[i]].filter((r): r is Req => !!r));
    const answers = new Map<string, number>();
    const send = async (r: (typeof requests)[number]) => {
      const res = await fetch(`${BASE}${r.path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${r.token}`, "content-type": "application/json", "idempotency-key": r.key },
        body: r.body,
        signal: AbortSignal.timeout(30_000),
      });
      await res.arrayBuffer();
      return res.status;
    };
    // 0: no answer (the connection died). 409: a label still being settled. 5xx: try again.
    const definitive = (status: number) => status >= 200 && status < 500 && status !== 409;

    // Load, and the kill in the middle of it.
    let next = 0;
    let inFlight = 0;
    const clients = Array.from({ length: 12 }, async () => {
      for (;;) {
        const r = requests[next++];
        if (!r) return;
        inFlight++;
        const status = await send(r).catch(() => 0);
        inFlight--;
        if (definitive(status)) answers.set(r.key, status);
      }
    });
    // Mid-load: once about a third of the requests have their answer.
    for (let i = 0; i < 300 && answers.size < requests.length / 3; i++) await sleep(100);
    const caught = inFlight;
    const victims = [app.pid!, ...descendants(app.pid!)];
    log(`kill -9 ${victims.join(" ")} with ${answers.size} of ${requests.length} requests answered`);
    for (const pid of victims) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    // Really dead: the wrapper, Next and the worker (three processes at least), and nothing answering.
    for (let i = 0; i < 50 && victims.some(alive); i++) await sleep(100);
    const survivors = victims.filter(alive);
    const answering = await fetch(`${BASE}/signin`).then(
      () => true,
      () => false,
    );
    checks.push({
      name: "the kill took the whole server down (wrapper, app, worker)",
      ok: victims.length >= 3 && survivors.length === 0 && !answering,
      detail: `${victims.length} processes killed, ${survivors.length} alive, ${answering ? "still answering" : "not answering"}`,
    });
    await Promise.all(clients);
    const answeredBeforeCrash = answers.size;
    const pendingAtCrash = Number(
      (await sql.query<{ n: string }>(`SELECT count(*) AS n FROM shipments WHERE "storeId" = $1 AND status = 'PENDING'`, [labelStore])).rows[0].n,
    );
    checks.push({
      name: "the kill landed in the middle of the work",
      ok: caught > 0,
      detail: `${caught} requests in flight, ${pendingAtCrash} labels debited and waiting for their carrier's answer`,
    });

    log("starting again…");
    app = startApp(env);
    await waitUntilUp();
    // The clients retry what got no answer (or "still in progress") with the same keys. A label the
    // carrier never got is refunded, and its key keeps saying so (502): the client asks again with a new key.
    let renewed = 0;
    for (let round = 0; round < 40 && answers.size < requests.length; round++) {
      for (const r of requests.filter((q) => !answers.has(q.key))) {
        const status = await send(r).catch(() => 0);
        if (definitive(status)) answers.set(r.key, status);
        else if (status === 502 && r.kind === "label") {
          const again = await send({ ...r, key: `${r.key}-again` }).catch(() => 0);
          renewed++;
          if (definitive(again)) answers.set(r.key, again);
        }
      }
      if (answers.size < requests.length) await sleep(1_000);
    }
    log(`${renewed} labels asked again with a new key after their first was refunded`);
    checks.push({
      name: "every request has an answer after the restart",
      ok: answers.size === requests.length,
      detail: `${answeredBeforeCrash} answered before the kill, ${answers.size} of ${requests.length} in the end`,
    });
    const statuses = [...answers.values()];
    checks.push({
      name: "every answer is a success (201, or 202 while a label settles)",
      ok: statuses.every((s) => s === 201 || s === 202),
      detail: JSON.stringify(Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length]))),
    });

    // Let the worker catch up: interrupted labels settled, every SMS job done.
    const settle = async () => {
      for (let i = 0; i < 60; i++) {
        const open = (
          await sql.query<{ pending: string; jobs: string }>(
            `SELECT (SELECT count(*) FROM shipments WHERE "storeId" = $1 AND status = 'PENDING') AS pending, (SELECT count(*) FROM jobs WHERE "storeId" = ANY($2::uuid[]) AND "doneAt" IS NULL AND "failedAt" IS NULL AND "createdAt" >= $3) AS jobs`,
            [labelStore, [intakeStore, labelStore], runStart],
          )
        ).rows[0];
        if (Number(open.pending) === 0 && Number(open.jobs) === 0) break;
        await sleep(1_000);
      }
    };
    await settle();
    // A label answered 202 ("settling") whose carrier never got it is refunded when it settles: its client,
    // seeing the shipment failed and refunded, asks again with a new key — as a 502 answer makes it do above.
    const unlabelled = (
      await sql.query<{ id: string }>(
        `SELECT o.id FROM orders o WHERE o."storeId" = $1 AND o.id = ANY($2::uuid[])
           AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s."storeId" = o."storeId" AND s."orderId" = o.id AND s.kind = 'CARRIER' AND s.status NOT IN ('FAILED', 'VOIDED'))`,
        [labelStore, toLabel],
      )
    ).rows.map((r) => r.id);
    const settledAsRefunds = requests.filter((r) => r.kind === "label" && answers.get(r.key) === 202 && unlabelled.some((id) => r.path.includes(id)));
    for (const r of settledAsRefunds) await send({ ...r, key: `${r.key}-after-refund` }).catch(() => 0);
    if (settledAsRefunds.length) {
      log(`${settledAsRefunds.length} labels answered "settling" were refunded when they settled: asked again with a new key`);
      await settle();
    }

    // Orders: one per key, each whole.
    const orders = (
      await sql.query<{ name: string; items: number; placed: number }>(
        `SELECT o."customerName" AS name, (SELECT count(*)::int FROM order_items i WHERE i."storeId" = o."storeId" AND i."orderId" = o.id) AS items, (SELECT count(*)::int FROM order_events e WHERE e."storeId" = o."storeId" AND e."orderId" = o.id AND e.type = 'order.placed') AS placed FROM orders o WHERE o."storeId" = $1 AND o."customerName" LIKE $2`,
        [intakeStore, `Crash Customer ${runId} %`],
      )
    ).rows;
    const perName = new Map<string, number>();
    for (const o of orders) perName.set(o.name, (perName.get(o.name) ?? 0) + 1);
    checks.push({
      name: "each intake key made exactly one order",
      ok: perName.size === INTAKES && [...perName.values()].every((n) => n === 1),
      detail: `${orders.length} orders for ${INTAKES} keys`,
    });
    checks.push({
      name: "every order is whole: its lines and its first event",
      ok: orders.every((o) => o.items === 2 && o.placed === 1),
      detail: `${orders.filter((o) => o.items !== 2 || o.placed !== 1).length} not whole`,
    });
    const numbers = (
      await sql.query<{ gaps: string }>(`SELECT count(*) - (max(number) - min(number) + 1) AS gaps FROM orders WHERE "storeId" = $1 AND "createdAt" >= $2`, [
        intakeStore,
        runStart,
      ])
    ).rows[0];
    checks.push({ name: "order numbers of the run have no gaps and no repeats", ok: Number(numbers.gaps) === 0, detail: `difference ${numbers.gaps}` });

    // The books.
    const books = await walletBooks(sql, labelStore);
    checks.push({
      name: "the wallet's ledger equals its balance",
      ok: books.balance === books.ledger,
      detail: `balance ${books.balance}, ledger ${books.ledger}`,
    });
    checks.push({
      name: "every debit has a label or a refund; none is left pending",
      ok: books.debits === books.labels + books.refunds && books.pending === 0,
      detail: `debits ${books.debits}, labels ${books.labels}, refunds ${books.refunds}, pending ${books.pending}`,
    });
    // Labels counted per order, not as distinct orders: a second label on one order must show.
    const perOrderLabels = (
      await sql.query<{ orderId: string; n: number }>(
        `SELECT "orderId", count(*)::int AS n FROM shipments WHERE "storeId" = $1 AND "orderId" = ANY($2::uuid[]) AND kind = 'CARRIER' AND status NOT IN ('FAILED', 'VOIDED') GROUP BY "orderId"`,
        [labelStore, toLabel],
      )
    ).rows;
    const labelled = perOrderLabels.length;
    const doubled = perOrderLabels.filter((r) => r.n > 1).length;
    checks.push({
      name: "each label request bought exactly one label",
      ok: toLabel.length === LABELS && labelled === toLabel.length && doubled === 0,
      detail: `${labelled} of ${toLabel.length} orders labelled, ${doubled} with more than one live label`,
    });

    // SMS: one per label issued, each sent once.
    const sms = (
      await sql.query<{ status: string; providerSid: string | null; orderId: string }>(
        `SELECT status, "providerSid", "orderId" FROM sms_messages WHERE "storeId" = $1 AND "orderId" = ANY($2::uuid[]) AND event = 'order.label_issued'`,
        [labelStore, toLabel],
      )
    ).rows;
    const perOrder = new Map<string, number>();
    for (const m of sms) perOrder.set(m.orderId, (perOrder.get(m.orderId) ?? 0) + 1);
    checks.push({
      name: "one label SMS per labelled order, none left waiting",
      ok: sms.length === Number(labelled) && [...perOrder.values()].every((n) => n === 1) && sms.every((m) => m.status !== "PENDING"),
      detail: `${sms.length} SMS for ${labelled} labels; ${sms.filter((m) => m.status === "PENDING").length} waiting`,
    });
    const sids = new Set(sms.map((m) => m.providerSid));
    const delivered = twilio.messages.filter((m) => sids.has(m.sid));
    const phones = (
      await sql.query<{ phone: string }>(`SELECT "shippingPhone" AS phone FROM orders WHERE "storeId" = $1 AND id = ANY($2::uuid[])`, [labelStore, toLabel])
    ).rows.map((r) => r.phone);
    const received = twilio.messages.filter((m) => phones.includes(m.to) && /tracking|تتبع|http/i.test(m.body));
    if (received.length !== sms.length) {
      const seen = new Map<string, number>();
      for (const m of received) seen.set(`${m.to}|${m.body}`, (seen.get(`${m.to}|${m.body}`) ?? 0) + 1);
      const twice = [...seen].filter(([, n]) => n > 1).map(([k]) => k.split("|")[0]);
      const rows = (
        await sql.query(
          `SELECT m."to", m.attempts, m.status, m."createdAt", j.attempts AS job_attempts, j."lastError" FROM sms_messages m LEFT JOIN jobs j ON j.payload->>'smsId' = m.id::text WHERE m."storeId" = $1 AND m."to" = ANY($2)`,
          [labelStore, twice],
        )
      ).rows;
      log(`sent more than once: ${JSON.stringify(rows)}`);
    }
    checks.push({
      name: "the provider received each SMS exactly once",
      ok: delivered.length === sms.length && received.length === sms.length,
      detail: `${delivered.length} recorded sends, ${received.length} messages at the provider for ${sms.length} SMS`,
    });
  } finally {
    if (app?.pid && app.exitCode === null) {
      try {
        process.kill(-app.pid, "SIGTERM");
        await new Promise((r) => app!.once("exit", r));
      } catch {
        /* gone */
      }
    }
    await twilio.close();
    await sql.end();
    await postgres?.stop();
  }
  finishChecks("crash-check", checks);
}

void main().catch((error) => {
  console.error("[crash] failed:", error);
  process.exit(1);
});
