// `npm test`: typecheck, lint and format, unit and integration tests (vitest, real Postgres), the browser suite
// (Playwright against the production build), then the benchmark's check at small scale and the crash
// check. Ends with one line totalling every suite.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";
fs.mkdirSync("reports", { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
// The names of what failed, repeated under the summary: a CI log is often read from its end only.
const failures = [];
const bin = (name) => path.join("node_modules", ".bin", name);

// Every suite has a time limit: a hang fails it (and CI goes on to the next), it never hangs CI.
const MINUTES = 60_000;
function run(label, command, args, env = {}, timeoutMs = 15 * MINUTES) {
  console.log(`\n━━ ${label} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env }, timeout: timeoutMs, killSignal: "SIGTERM" });
  const timedOut = result.error?.code === "ETIMEDOUT";
  if (timedOut) console.error(`\n${label}: stopped after ${timeoutMs / MINUTES} minutes (time limit)`);
  return { status: timedOut ? 124 : (result.status ?? 1), seconds: ((Date.now() - started) / 1000).toFixed(1), timedOut };
}

function firstLine(text) {
  return String(text ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .map((line) => line.trim())
    .find(Boolean)
    ?.slice(0, 200);
}

/** Playwright's JSON report: suites nest, specs hold one test per project, each with its tries. */
function collectE2eFailures(suites, titles, label) {
  for (const suite of suites) {
    const inner = suite.file && titles.length === 0 ? [suite.file] : [...titles, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected") continue;
        const last = test.results?.at(-1);
        failures.push(`${label} [${test.projectName}] ${[...inner, spec.title].join(" › ")}: ${firstLine(last?.error?.message) ?? last?.status}`);
      }
    }
    collectE2eFailures(suite.suites ?? [], inner, label);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** A vitest JSON report added to the totals, and its failures named; false when there is none. */
function addVitest(title, report, status, seconds) {
  if (!report) return false;
  totals.passed += report.numPassedTests;
  // A suite that ran nothing did not pass (a leftover filter, or tests that were never collected).
  totals.failed += report.numFailedTests + ((status !== 0 && report.numFailedTests === 0) || report.numPassedTests + report.numFailedTests === 0 ? 1 : 0);
  totals.skipped += report.numPendingTests + report.numTodoTests;
  summary.push(`${title}: ${report.numPassedTests} passed, ${report.numFailedTests} failed (${seconds} s)`);
  for (const file of report.testResults ?? []) {
    const failed = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of failed) failures.push(`${title} ${path.relative(root, file.name)}: ${test.fullName}`);
    if (file.status === "failed" && failed.length === 0) failures.push(`${title} ${path.relative(root, file.name)}: ${firstLine(file.message)}`);
  }
  return true;
}

/** A Playwright JSON report added to the totals, and its failures named; false when there is none. */
function addPlaywright(title, report, status, seconds) {
  if (!report?.stats) return false;
  const { expected, unexpected, flaky, skipped } = report.stats;
  totals.passed += expected + flaky;
  totals.failed += unexpected + ((status !== 0 && unexpected === 0) || expected + unexpected + flaky === 0 ? 1 : 0);
  totals.skipped += skipped;
  summary.push(`${title}: ${expected + flaky} passed, ${unexpected} failed (${seconds} s)`);
  collectE2eFailures(report.suites ?? [], [], title);
  return true;
}

// 1. Types
{
  const { status, seconds } = run("typecheck", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"], {}, 5 * MINUTES);
  totals[status === 0 ? "passed" : "failed"] += 1;
  summary.push(`typecheck: ${status === 0 ? "ok" : "FAILED"} (${seconds} s)`);
}

// 1b. Lint (boundaries, React's rules) and format: clean, or the suite fails.
{
  const lint = run("lint (eslint)", bin("eslint"), ["--max-warnings", "0", "."], {}, 5 * MINUTES);
  totals[lint.status === 0 ? "passed" : "failed"] += 1;
  summary.push(`lint: ${lint.status === 0 ? "ok" : "FAILED"} (${lint.seconds} s)`);
  const format = run("format (prettier --check)", bin("prettier"), ["--check", "--log-level", "warn", "."], {}, 5 * MINUTES);
  totals[format.status === 0 ? "passed" : "failed"] += 1;
  summary.push(`format: ${format.status === 0 ? "ok" : "FAILED (run npx prettier --write .)"} (${format.seconds} s)`);
}

// 2. Unit and integration
{
  fs.rmSync("reports/vitest.json", { force: true });
  const { status, seconds } = run(
    "unit + integration (vitest)",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", "--outputFile=reports/vitest.json"],
    {},
    20 * MINUTES,
  );
  if (!addVitest("vitest", readJson("reports/vitest.json"), status, seconds)) {
    totals.failed += 1;
    summary.push(`vitest: did not report (exit ${status})`);
  }
}

// 3. Browser
{
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromium)) {
    console.error(
      `\nChromium is missing at ${chromium}: the browser suite cannot run. Install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
    );
    totals.failed += 1;
    summary.push("e2e: Chromium missing");
  } else {
    fs.rmSync("reports/e2e.json", { force: true });
    const { status, seconds } = run("end-to-end (Playwright, desktop + tablet)", bin("playwright"), ["test"], {}, 45 * MINUTES);
    if (!addPlaywright("e2e", readJson("reports/e2e.json"), status, seconds)) {
      totals.failed += 1;
      summary.push(`e2e: did not report (exit ${status})`);
    }
  }
}

/** A check script's report (reports/<name>.json from scripts/check-report.ts) added to the totals. */
function runCheck(label, name, script, env = {}) {
  fs.rmSync(`reports/${name}.json`, { force: true });
  const { status, seconds } = run(label, process.execPath, ["--import", "tsx", "--import", "./scripts/server-side.mjs", script], env, 10 * MINUTES);
  const report = readJson(`reports/${name}.json`);
  const title = name.replace(/-/g, " ");
  if (report?.skipped) {
    totals.skipped += report.skipped;
    summary.push(`${title}: skipped, ${report.reason} (${seconds} s)`);
  } else if (report) {
    totals.passed += report.passed;
    // A check that checked nothing did not pass.
    totals.failed += report.failed + ((status !== 0 && report.failed === 0) || report.passed + report.failed === 0 ? 1 : 0);
    summary.push(`${title}: ${report.passed} passed, ${report.failed} failed (${seconds} s)`);
  } else {
    totals.failed += 1;
    summary.push(`${title}: did not report (exit ${status})`);
  }
}

// 4. The benchmark at small scale: a 20,000-order data set of its own, every scenario for a moment,
// checking that each completes without errors and that the books and replays are right (no timings).
runCheck("benchmark check (20,000 orders)", "bench-check", "scripts/bench.ts", { BENCH_CHECK: "1" });

// 5. The crash check: the built server killed with SIGKILL under intake and label load, started again;
// orders whole or absent, the books right, every SMS sent once.
runCheck("crash check (kill -9 under load)", "crash-check", "scripts/crash-check.ts");

// 6. A slice of the integration suite on a Citus cluster, then the two-server suite on it (scripts/test-cluster.mjs
// --ci): a coordinator and two workers, the store's tables sharded by storeId; then PgBouncer, two app servers, the
// worker and HAProxy. Root installs what the cluster needs; another user without PostgreSQL 15, Citus, HAProxy and
// PgBouncer installed is told how, and the step is counted as skipped.
{
  fs.rmSync("reports/vitest-cluster.json", { force: true });
  fs.rmSync("reports/topology.json", { force: true });
  const { status, seconds } = run(
    "on a Citus cluster: integration slice, then two app servers",
    process.execPath,
    ["scripts/test-cluster.mjs", "--ci"],
    {},
    20 * MINUTES,
  );
  // Exit 2: what the cluster or the app side needs is not installed (said above), and only root installs it. A part
  // that ran is counted by its own report then; the part that could not run is a skip.
  const notInstalled = status === 2 && process.getuid?.() !== 0;
  const partStatus = notInstalled ? 0 : status;
  const slice = addVitest("vitest on the cluster", readJson("reports/vitest-cluster.json"), partStatus, seconds);
  const servers = addPlaywright("two app servers", readJson("reports/topology.json"), partStatus, seconds);
  for (const [done, title, needs] of [
    [slice, "vitest on the cluster", "PostgreSQL 15 and Citus"],
    [servers, "two app servers", "PostgreSQL 15, Citus, HAProxy and PgBouncer"],
  ]) {
    if (done) continue;
    if (notInstalled) {
      totals.skipped += 1;
      summary.push(`${title}: skipped, ${needs} are not installed and installing them needs root (${seconds} s)`);
      continue;
    }
    totals.failed += 1;
    summary.push(`${title}: did not report (exit ${status})`);
    failures.push(`${title}: did not report (exit ${status})`);
  }
}

// 7. The first start as root from a folder only root may enter (a project in root's home): it must work.
runCheck("first start as root from a 0700 folder", "private-folder-check", "scripts/private-folder-check.ts");

console.log(`\n━━ summary ━━\n${summary.join("\n")}\n`);
if (failures.length) console.log(`failed:\n${failures.map((line) => `  ${line}`).join("\n")}\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed ? 1 : 0);
