// The report a check script (the benchmark's check, the crash check, the private-folder start) leaves for
// `npm test`: one line per check, the total, and reports/<name>.json, which scripts/test-all.mjs adds to
// the suite's count. A run with no checks at all is a failure, unless the script says why it was skipped.
import fs from "node:fs";

export type Check = { name: string; ok: boolean; detail: string };

/** Prints the checks, writes reports/<name>.json and exits 1 if any failed (or none ran). */
export function finishChecks(name: string, checks: Check[], options: { skipped?: string } = {}): never {
  fs.mkdirSync("reports", { recursive: true });
  if (options.skipped) {
    fs.writeFileSync(`reports/${name}.json`, JSON.stringify({ passed: 0, failed: 0, skipped: 1, reason: options.skipped, checks: [] }, null, 2));
    console.log(`${name.replace(/-/g, " ")}: skipped (${options.skipped})`);
    process.exit(0);
  }
  const all = checks.length ? checks : [{ name: "at least one check ran", ok: false, detail: "the script ended without checking anything" }];
  for (const c of all) console.log(`${c.ok ? "✓" : "✘"} ${c.name} (${c.detail})`);
  const failed = all.filter((c) => !c.ok).length;
  fs.writeFileSync(`reports/${name}.json`, JSON.stringify({ passed: all.length - failed, failed, checks: all }, null, 2));
  console.log(`${name.replace(/-/g, " ")}: ${all.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
