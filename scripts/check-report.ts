// The report a check script (the benchmark's check, the crash check) leaves for `npm test`: one line
// per check, the total, and reports/<name>.json, which scripts/test-all.mjs adds to the suite's count.
import fs from "node:fs";

export type Check = { name: string; ok: boolean; detail: string };

/** Prints the checks, writes reports/<name>.json and exits 1 if any failed. */
export function finishChecks(name: string, checks: Check[]): never {
  for (const c of checks) console.log(`${c.ok ? "✓" : "✘"} ${c.name} (${c.detail})`);
  const failed = checks.filter((c) => !c.ok).length;
  fs.mkdirSync("reports", { recursive: true });
  fs.writeFileSync(`reports/${name}.json`, JSON.stringify({ passed: checks.length - failed, failed, checks }, null, 2));
  console.log(`${name.replace("-", " ")}: ${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
