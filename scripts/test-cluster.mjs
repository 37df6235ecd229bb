// npm run test:cluster [-- --ci] [files…]: the integration suite on a Citus cluster. Brings the cluster up
// (npm run cluster:up: a coordinator and two workers, the migrations and the distribution step), runs the
// suite in the coordinator's database with TEST_CLUSTER=1, one file at a time, then stops the nodes.
// --ci runs the slice `npm test` runs (CLUSTER_SLICE below); files named run those alone; else every file.
// Writes reports/vitest-cluster.json. Without root and without the engines, says what to install and exits 2.
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
];

const args = process.argv.slice(2);
const files = args.includes("--ci") ? CLUSTER_SLICE : args.filter((a) => !a.startsWith("--"));
const tsx = ["--import", "tsx", "--import", "./scripts/server-side.mjs", "scripts/cluster.ts"];

// Eight shards per table for a cluster made here (a cluster already placed keeps its own): two workers on a
// two-core machine, and every file starts by emptying the tables, shard by shard.
const up = spawnSync(process.execPath, [...tsx, "up"], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, CLUSTER_SHARDS: process.env.CLUSTER_SHARDS ?? "8" },
});
process.stdout.write(up.stdout ?? "");
const coordinator = (up.stdout ?? "").trim().split("\n").at(-1) ?? "";
if (up.status !== 0 || !coordinator.startsWith("postgresql://")) {
  console.error(`\nThe cluster did not come up (exit ${up.status}); the suite did not run on it.`);
  process.exit(2);
}

fs.mkdirSync("reports", { recursive: true });
fs.rmSync("reports/vitest-cluster.json", { force: true });
const run = spawnSync(
  path.join("node_modules", ".bin", "vitest"),
  ["run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile=reports/vitest-cluster.json", ...files],
  { stdio: "inherit", env: { ...process.env, TEST_CLUSTER: "1", TEST_DATABASE_URL: coordinator } },
);
spawnSync(process.execPath, [...tsx, "down"], { stdio: "inherit" });
process.exit(run.status ?? 1);
