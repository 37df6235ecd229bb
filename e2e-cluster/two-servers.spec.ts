// Two app servers behind HAProxy, PgBouncer in transaction mode, the Citus cluster behind that
// (`npm run cluster:up -- --apps 2`, brought up by scripts/test-cluster.mjs). What must hold when a request may
// land on either server: live updates, sign-out, sign-in throttles, client addresses, a server dying under
// load, and what a second server buys.
import fs from "node:fs";
import http from "node:http";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { signIn } from "../e2e/helpers";
import { walletBooks } from "../tests/support/books";
import { appServerPid, haproxyCommand, startAppServer, type TopologyOptions } from "../scripts/topology";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through npm run test:cluster -- --topology`);
  return value;
};
const PROXY = env("TOPOLOGY_PROXY");
const [A, B] = env("TOPOLOGY_APPS").split(",");
const DATA_ROOT = env("TOPOLOGY_DATA_ROOT");
const topology: TopologyOptions = { dataRoot: DATA_ROOT, base: Number(env("TOPOLOGY_BASE")), apps: 2, coordinatorPort: Number(env("TOPOLOGY_BASE")) };
const TOKEN = "tj_demo_owner_token_0001";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test.describe.configure({ mode: "serial" });

let sql: pg.Pool;
test.beforeAll(() => {
  sql = new pg.Pool({ connectionString: env("TOPOLOGY_DATABASE_URL"), max: 4 });
});
test.afterAll(async () => {
  await sql.end();
});

const orderBody = (name: string, i = 0) => ({
  customer: { name, phone: `+9665${String(70_000_000 + i).padStart(8, "0")}` },
  items: [{ sku: "DM-002", quantity: 1 }],
  payment: { method: "cash_on_delivery", status: "pending" },
  shipping: { city: "الرياض", address: `شارع العليا ${i}`, method: "Aramex", fee: 2500 },
});

async function api(base: string, path: string, body: unknown, key: string) {
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { status: res.status, body: text.startsWith("{") ? JSON.parse(text) : null };
}
const post = async (base: string, path: string, body: unknown, key: string) => (await api(base, path, body, key)).status;

/** A signed-in page of the demo store opened on `base` (cookies belong to a host, not a port: one sign-in serves every server). */
async function signedInOn(browser: Browser, base: string, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: base })).newPage();
  await signIn(page, email);
  await page.goto(`${base}/s/demo/orders`);
  await expect(page.locator("[data-live]")).toHaveAttribute("data-live", "connected");
  return page;
}

test("an order placed through server A appears live on a browser connected to server B", async ({ browser }) => {
  const page = await signedInOn(browser, B, "staff@demo.test");
  expect(new URL(page.url()).origin).toBe(B);
  const name = `Across servers ${Date.now()}`;
  expect(await post(A, "/api/v1/orders", orderBody(name), crypto.randomUUID())).toBe(201);
  await expect(page.locator("main").getByText(name).locator("visible=true")).toBeVisible({ timeout: 15_000 });
  await page.context().close();
});

test("signing out on server A ends the session and its live stream on server B", async ({ browser }) => {
  const onB = await signedInOn(browser, B, "admin@demo.test");
  const saved = await onB.context().storageState();
  const onA = await onB.context().newPage();
  await onA.goto(`${A}/s/demo/orders`);
  await onA.getByRole("button", { name: "Sign out" }).click();
  await expect(onA).toHaveURL(/\/signin/);
  // B's stream rechecks its session every few seconds (LIVE_RECHECK_MS) and ends; the page, untouched, is then
  // drawn again by B as things are now: the sign-in page. Nothing else on it navigates.
  await expect(onB).toHaveURL(/\/signin/, { timeout: 20_000 });
  // The old cookie, replayed on B, opens nothing: the session row is revoked for every server.
  const replay = await (await browser.newContext({ baseURL: B, storageState: saved })).newPage();
  await replay.goto(`${B}/s/demo/orders`);
  await expect(replay).toHaveURL(/\/signin/);
  await replay.context().close();
  await onB.context().close();
});

/** A password sign-in through next-auth's own endpoint, from a chosen loopback address, with any X-Forwarded-For. */
async function credentialsSignIn(base: string, email: string, password: string, from: string, forwardedFor?: string): Promise<string> {
  const request = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const req = http.request(`${base}${path}`, { method, headers, localAddress: from }, (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on("error", reject);
      req.end(body);
    });
  const spoof: Record<string, string> = forwardedFor ? { "x-forwarded-for": forwardedFor } : {};
  const csrf = await request("GET", "/api/auth/csrf", spoof);
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const form = new URLSearchParams({ csrfToken: JSON.parse(csrf.text).csrfToken, email, password, json: "true" });
  const answer = await request(
    "POST",
    "/api/auth/callback/credentials",
    {
      ...spoof,
      cookie,
      "content-type": "application/x-www-form-urlencoded",
      "x-auth-return-redirect": "1",
    },
    form.toString(),
  );
  // next-auth answers with the page to go to; a refused sign-in names its error there.
  return decodeURIComponent(new URL(JSON.parse(answer.text).url, base).searchParams.get("error") ?? "none");
}

test("the proxy compresses what the app servers send plain", async () => {
  const encoding = async (url: string) => {
    const res = await fetch(url, { headers: { "accept-encoding": "gzip" } });
    await res.arrayBuffer();
    return { status: res.status, encoding: res.headers.get("content-encoding") };
  };
  expect(await encoding(`${A}/signin`)).toEqual({ status: 200, encoding: null });
  expect(await encoding(`${PROXY}/signin`)).toEqual({ status: 200, encoding: "gzip" });
});

test("the client's address is the one the proxy saw, not one the client wrote", async () => {
  const since = new Date();
  // From 127.0.0.2 through the proxy, claiming to be 203.0.113.9.
  expect(await credentialsSignIn(PROXY, "owner@second.test", "wrong-password", "127.0.0.2", "203.0.113.9")).toBe("CredentialsSignin");
  const rows = (await sql.query<{ ip: string }>(`SELECT ip FROM sign_in_attempts WHERE email = 'owner@second.test' AND "createdAt" >= $1`, [since])).rows;
  expect(rows.map((r) => r.ip)).toEqual(["127.0.0.2"]);
});

test("sign-in throttles hold across servers: failures through one server slow the next try on the other", async () => {
  // Alternate servers from one address: the per-pair allowance (three free failures, then a doubling wait)
  // counts failures made through either. A server refusing with fewer than three failures of its own proves it.
  const own = new Map<string, number>([
    [A, 0],
    [B, 0],
  ]);
  let refusedOn: { server: string; own: number; reason: string } | null = null;
  for (let i = 0; i < 8 && !refusedOn; i++) {
    const server = i % 2 ? B : A;
    const error = await credentialsSignIn(server, "multi@demo.test", `wrong-${i}`, "127.0.0.3");
    if (error.startsWith("TooManyAttempts")) refusedOn = { server, own: own.get(server)!, reason: error };
    else {
      expect(error).toBe("CredentialsSignin");
      own.set(server, own.get(server)! + 1);
    }
  }
  expect(refusedOn, "no try was slowed down").not.toBeNull();
  expect(refusedOn!.reason).toMatch(/^TooManyAttempts:slow_down:\d+$/);
  expect(refusedOn!.own).toBeLessThan(3);
  // The right password, at once, on either server: still slowed down (the wait is the pair's, not the server's).
  expect(await credentialsSignIn(refusedOn!.server === A ? B : A, "multi@demo.test", "demo-password", "127.0.0.3")).toMatch(/^TooManyAttempts:slow_down/);
});

test("one app server killed with SIGKILL under intake and label load: the other takes the traffic, every order once, the books balance", async () => {
  test.setTimeout(240_000);
  const store = (await sql.query<{ id: string }>("SELECT id FROM stores WHERE slug = 'demo'")).rows[0].id;
  const branch = (await sql.query<{ id: string }>(`SELECT id FROM branches WHERE "storeId" = $1 AND "isDefault"`, [store])).rows[0].id;
  const runId = Date.now().toString(36);
  // Money for the labels: a top-up entry and the balance it brings, in one statement.
  await sql.query(
    `WITH w AS (UPDATE wallets SET balance = balance + 500000 WHERE "storeId" = $1 RETURNING balance)
     INSERT INTO wallet_entries (id, "storeId", kind, amount, "balanceAfter", reference, "actorName") SELECT $3::uuid, $1, 'TOP_UP', 500000, balance, $2, 'Two-server check' FROM w`,
    [store, `topology-${runId}`, crypto.randomUUID()],
  );
  // Orders to label, placed and put in progress through the API: one label request each.
  const toLabel: string[] = [];
  for (let i = 0; i < 24; i++) {
    const placed = await api(PROXY, "/api/v1/orders", orderBody(`To label ${runId} ${i}`, 100 + i), crypto.randomUUID());
    expect(placed.status).toBe(201);
    const moved = await api(PROXY, `/api/v1/orders/${placed.body.data.id}/transitions`, { to: "in_progress", notifyCustomer: false }, crypto.randomUUID());
    expect(moved.status).toBe(200);
    toLabel.push(placed.body.data.id);
  }
  type Req = { key: string; path: string; body: unknown };
  const requests: Req[] = [];
  for (let i = 0; i < 48; i++) {
    requests.push({ key: `topology-${runId}-intake-${i}`, path: "/api/v1/orders", body: orderBody(`Topology ${runId} ${i}`, i) });
    if (toLabel[i])
      requests.push({
        key: `topology-${runId}-label-${i}`,
        path: `/api/v1/orders/${toLabel[i]}/shipments`,
        body: { branchId: branch, carrier: "aramex", packages: [{ weightGrams: 800, lengthCm: 20, widthCm: 15, heightCm: 10 }], handover: "dropoff" },
      });
  }
  // 0: no answer (the connection died). 409: in progress elsewhere. 5xx: try again, with the same key.
  const definitive = (status: number) => status >= 200 && status < 500 && status !== 409;
  const answers = new Map<string, number>();
  let retried = 0;
  let next = 0;
  let renewed = 0;
  const clients = Array.from({ length: 8 }, async () => {
    for (;;) {
      const r = requests[next++];
      if (!r) return;
      let key = r.key;
      for (let attempt = 0; ; attempt++) {
        const answer = await api(PROXY, r.path, r.body, key).catch(() => ({ status: 0, body: null }));
        const status = answer.status;
        if (definitive(status)) {
          answers.set(r.key, status);
          break;
        }
        // The app's own 502 (not the proxy's, which has no JSON): the carrier never got this label, the wallet
        // was refunded, and the key keeps saying so. The client asks again with a new key, as a storefront would.
        if (status === 502 && answer.body?.error?.code === "CARRIER_ERROR" && key === r.key) {
          key = `${r.key}-again`;
          renewed++;
        }
        retried++;
        if (attempt > 40) throw new Error(`${r.path}: no answer after ${attempt} tries (last ${status})`);
        await sleep(500);
      }
    }
  });
  for (let i = 0; i < 300 && answers.size < requests.length / 3; i++) await sleep(100);
  const victim = appServerPid(DATA_ROOT, 0)!;
  const answeredAtKill = answers.size;
  process.kill(-victim, "SIGKILL");
  await Promise.all(clients);
  test.info().annotations.push({
    type: "kill",
    description: `SIGKILL at ${answeredAtKill} of ${requests.length} answered; ${retried} retries, ${renewed} labels asked again with a new key after a refund`,
  });
  expect(answeredAtKill).toBeLessThan(requests.length);
  expect([...answers.values()].every((s) => s === 201 || s === 202)).toBe(true);
  // The proxy noticed: app1 is down, app2 carried the rest.
  expect(await haproxyCommand(DATA_ROOT, "show servers state apps")).toMatch(/ app1 127\.0\.0\.1 0 /);

  // Labels answered "settling" are settled by the worker; wait for none pending.
  const settle = async () => {
    for (let i = 0; i < 60; i++) {
      const pending = (await sql.query(`SELECT 1 FROM shipments WHERE "storeId" = $1 AND status = 'PENDING'`, [store])).rowCount;
      if (!pending) return;
      await sleep(1_000);
    }
  };
  await settle();
  // A label answered "settling" whose carrier never got it is refunded when it settles: its client, seeing the
  // shipment failed and refunded, asks again with a new key.
  const live = async () =>
    (
      await sql.query<{ orderId: string; n: number }>(
        `SELECT "orderId", count(*)::int AS n FROM shipments WHERE "storeId" = $1 AND "orderId" = ANY($2::uuid[]) AND kind = 'CARRIER' AND status NOT IN ('FAILED', 'VOIDED') GROUP BY "orderId"`,
        [store, toLabel],
      )
    ).rows;
  const labelled = new Set((await live()).map((r) => r.orderId));
  for (const [i, orderId] of toLabel.entries()) {
    if (labelled.has(orderId)) continue;
    const again = requests.find((r) => r.path.includes(orderId))!;
    expect(await post(PROXY, again.path, again.body, `${again.key}-after-refund`)).toBe(201);
    renewed++;
    test.info().annotations.push({ type: "refunded", description: `label ${i} was refunded when it settled and asked again` });
  }
  await settle();
  const orders = (
    await sql.query<{ name: string; items: number; placed: number }>(
      `SELECT o."customerName" AS name, (SELECT count(*)::int FROM order_items i WHERE i."storeId" = o."storeId" AND i."orderId" = o.id) AS items,
         (SELECT count(*)::int FROM order_events e WHERE e."storeId" = o."storeId" AND e."orderId" = o.id AND e.type = 'order.placed') AS placed
       FROM orders o WHERE o."storeId" = $1 AND o."customerName" LIKE $2`,
      [store, `Topology ${runId} %`],
    )
  ).rows;
  expect(new Set(orders.map((o) => o.name)).size).toBe(48);
  expect(orders.length).toBe(48);
  expect(orders.every((o) => o.items === 1 && o.placed === 1)).toBe(true);
  const books = await walletBooks(sql, store);
  expect(books.balance).toBe(books.ledger);
  expect(books.debits).toBe(books.labels + books.refunds);
  expect(books.pending).toBe(0);
  // Each label request bought exactly one label.
  const perOrder = await live();
  expect(perOrder.length).toBe(toLabel.length);
  expect(perOrder.every((r) => r.n === 1)).toBe(true);

  // Back to two servers for what follows.
  await startAppServer(topology, 0);
  await expect.poll(async () => haproxyCommand(DATA_ROOT, "show servers state apps"), { timeout: 20_000 }).toMatch(/ app1 127\.0\.0\.1 2 /);
});

/** `concurrency` clients asking for `url` for `seconds`: requests a second, p95, and how many did not answer 200. */
async function load(url: string, headers: Record<string, string>, seconds = 6, concurrency = 8) {
  const times: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const started = performance.now();
        const res = await fetch(url, { headers, redirect: "manual" }).catch(() => null);
        await res?.arrayBuffer();
        if (res?.status !== 200) errors++;
        times.push(performance.now() - started);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { perSecond: Math.round((times.length / seconds) * 10) / 10, p95: Math.round(times[Math.floor(times.length * 0.95)] ?? 0), errors };
}

test("throughput of the order list and an order's detail with one and with two app servers", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signedInOn(browser, PROXY, "owner@demo.test");
  const cookie = (await page.context().cookies(PROXY)).map((c) => `${c.name}=${c.value}`).join("; ");
  await page.context().close();
  const order = (
    await sql.query<{ id: string }>(`SELECT o.id FROM orders o JOIN stores s ON s.id = o."storeId" WHERE s.slug = 'demo' ORDER BY o.number DESC LIMIT 1`)
  ).rows[0].id;
  const scenarios = {
    "order list (HTML)": { url: `${PROXY}/s/demo/orders`, headers: { cookie } },
    "order detail (API)": { url: `${PROXY}/api/v1/orders/${order}`, headers: { authorization: `Bearer ${TOKEN}` } },
  };
  const state = () => haproxyCommand(DATA_ROOT, "show servers state apps");
  const results: Record<string, Record<string, Awaited<ReturnType<typeof load>>>> = {};
  for (const servers of [1, 2]) {
    await haproxyCommand(DATA_ROOT, `${servers === 1 ? "disable" : "enable"} server apps/app2`);
    await expect.poll(state, { timeout: 20_000 }).toMatch(servers === 1 ? / app2 127\.0\.0\.1 \d+ 1 / : / app2 127\.0\.0\.1 2 0 /);
    for (const [name, s] of Object.entries(scenarios)) {
      await load(s.url, s.headers, 2); // warm-up
      (results[name] ??= {})[servers] = await load(s.url, s.headers);
    }
  }
  const table = Object.entries(results).map(([name, r]) => ({
    scenario: name,
    one: r[1],
    two: r[2],
    ratio: Math.round((r[2].perSecond / r[1].perSecond) * 100) / 100,
  }));
  fs.mkdirSync("reports", { recursive: true });
  fs.writeFileSync(
    "reports/topology-throughput.json",
    JSON.stringify({ concurrency: 8, seconds: 6, cpus: (await import("node:os")).cpus().length, table }, null, 2),
  );
  for (const row of table)
    test.info().annotations.push({
      type: "throughput",
      description: `${row.scenario}: one server ${row.one.perSecond}/s (p95 ${row.one.p95} ms), two ${row.two.perSecond}/s (p95 ${row.two.p95} ms), ×${row.ratio}`,
    });
  for (const row of table) expect(row.one.errors + row.two.errors, `${row.scenario}: requests not answered 200`).toBe(0);
});
