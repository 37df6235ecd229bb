// `npm start`, `npm run dev`, `npm run db`: runs scripts/start.ts, the wrapper that starts Postgres, the job
// worker and the app server and stays for as long as they run. It is bundled to plain JavaScript first (esbuild,
// a few milliseconds) and run in this process: under the TypeScript loader the wrapper held ~100 MB for doing
// nothing but wait, as plain Node ~60 MB. Packages stay in node_modules.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ESBUILD, NODE_BUNDLE_ARGS } from "./bundle-node.mjs";

const root = path.resolve(import.meta.dirname, "..");
const dir = path.join(root, "node_modules", ".cache", "tajer");
const out = path.join(dir, "start.mjs");
// Written under a name of its own, then renamed: two starts in one folder never run a half-written file.
const partial = path.join(dir, `start.${process.pid}.mjs`);
fs.mkdirSync(dir, { recursive: true });
const result = spawnSync(
  path.join(root, ESBUILD),
  [
    "scripts/start.ts",
    ...NODE_BUNDLE_ARGS,
    // The wrapper finds the project from its own folder, which is scripts/ and not the bundle's.
    `--define:import.meta.dirname=${JSON.stringify(path.join(root, "scripts"))}`,
    `--outfile=${partial}`,
  ],
  { cwd: root, stdio: "inherit" },
);
if (result.status !== 0) {
  console.error("[tajer] bundling scripts/start.ts failed");
  process.exit(result.status ?? 1);
}
fs.renameSync(partial, out);
await import(pathToFileURL(out).href);
