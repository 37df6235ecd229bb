// npm run test:cluster [-- --ci | --topology] [files…]: the integration suite on a Citus cluster. Brings the
// cluster up (npm run cluster:up: a coordinator and two workers, the migrations and the distribution step), runs
// the suite in the coordinator's database with TEST_CLUSTER=1, one file at a time, then stops the nodes.
// --ci runs the slice `npm test` runs (CLUSTER_SLICE below), then the two-server suite; files named run those
// alone; --topology runs the two-server suite alone; else every file.
// The two-server suite (e2e-cluster/, playwright.cluster.config.ts) runs against `cluster:up -- --apps 2`: the
// demo stores, PgBouncer, two app servers, the worker and HAProxy.
// Writes reports/vitest-cluster.json and reports/topology.json. Without root and without the engines, says what
// to install and exits 2.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);

/**
 * What `npm test` runs on the cluster, within a few minutes: tenant isolation (the outsider suite), a race at
 * every door, the order's life from intake through labels, the customer's token links, and Twilio's callbacks.
 * The whole suite (npm run test:cluster) passes too; it takes the better part of half an hour on two cores.
 */
export const CLUSTER_SLICE = [
  "tests/integration/outsiders.test.ts",
  "tests/integration/races.test.ts",
  "tests/integration/order-intake.test.ts",
  "tests/integration/order-transitions.test.ts",
  "tests/integration/customer-order-page.test.ts",
  "tests/integration/sms.test.ts",
  "tests/integration/single-shard.test.ts",
  // Memberships are a reference table: a team's changes write it beside sharded tables in one transaction.
  "tests/integration/team-members.test.ts",
];

const args = process.argv.slice(2);
const topologyOnly = args.includes("--topology");
const files = args.includes("--ci") ? CLUSTER_SLICE : args.filter((a) => !a.startsWith("--"));
const withTopology = topologyOnly || args.includes("--ci");
const tsx = ["--import", "tsx", "--import", "./scripts/server-side.mjs", "scripts/cluster.ts"];
const base = Number(process.env.CLUSTER_PORT ?? 55432);

/** `cluster:up` with these arguments; the URLs it prints last (the coordinator's, then the proxy's), or exits 2. */
function up(extra, env) {
  const result = spawnSync(process.execPath, [...tsx, "up", ...extra], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
  process.stdout.write(result.stdout ?? "");
  const urls = (result.stdout ?? "")
    .trim()
    .split("\n")
    .filter((line) => /^(postgresql|http):\/\//.test(line));
  if (result.status !== 0 || !urls[0]?.startsWith("postgresql://")) {
    console.error(`\nThe cluster did not come up (exit ${result.status}); the suite did not run on it.`);
    spawnSync(process.execPath, [...tsx, "down"], { stdio: "inherit" });
    process.exit(2);
  }
  return urls;
}

fs.mkdirSync("reports", { recursive: true });
fs.rmSync("reports/vitest-cluster.json", { force: true });
fs.rmSync("reports/topology.json", { force: true });
let status = 0;
// Eight shards per table for a cluster made here (a cluster already placed keeps its own): two workers on a
// two-core machine, and every file starts by emptying the tables, shard by shard.
const shards = { CLUSTER_SHARDS: process.env.CLUSTER_SHARDS ?? "8" };
if (!topologyOnly) {
  const [coordinator] = up([], shards);
  const run = spawnSync(
    path.join("node_modules", ".bin", "vitest"),
    ["run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile=reports/vitest-cluster.json", ...files],
    { stdio: "inherit", env: { ...process.env, TEST_CLUSTER: "1", TEST_DATABASE_URL: coordinator } },
  );
  status ||= run.status ?? 1;
}
if (withTopology) {
  // On emptied tables (what the tests left is gone), with the demo stores seeded afresh.
  // The app side's settings, for the servers started here and for the one the suite starts again after killing it:
  // the throughput runs are not held back by the per-token limit, and a label whose answer the kill cut off is
  // settled from the carrier's record within seconds rather than a minute.
  const appSide = { API_RATE_LIMIT_PER_MINUTE: "100000", LABEL_RECONCILE_AFTER_MS: "2000", LABEL_RECONCILE_EVERY_MS: "1000" };
  const [coordinator, proxy] = up(["--apps", "2"], { ...shards, ...appSide, TAJER_FRESH_DB: "1" });
  const run = spawnSync(path.join("node_modules", ".bin", "playwright"), ["test", "-c", "playwright.cluster.config.ts"], {
    stdio: "inherit",
    env: {
      ...process.env,
      ...appSide,
      TOPOLOGY_PROXY: proxy,
      TOPOLOGY_APPS: `http://127.0.0.1:${base + 9},http://127.0.0.1:${base + 10}`,
      TOPOLOGY_DATA_ROOT: fs.realpathSync(path.join(root, ".data", "cluster")),
      TOPOLOGY_BASE: String(base),
      TOPOLOGY_DATABASE_URL: coordinator,
    },
  });
  status ||= run.status ?? 1;
}
spawnSync(process.execPath, [...tsx, "down"], { stdio: "inherit" });
process.exit(status);
