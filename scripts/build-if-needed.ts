// The production build, shared by `npm start` (scripts/start.ts) and the cluster's app servers (scripts/cluster.ts).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ESBUILD, NODE_BUNDLE_ARGS } from "./bundle-node.mjs";

/** A fingerprint of everything that goes into the production build and the bundled server and worker. */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p).sort()) walk(path.join(p, entry));
    else hash.update(`${p}:${stat.size}:${stat.mtimeMs}\n`);
  };
  const bundled = ["scripts/serve.ts", "scripts/worker.ts", "scripts/bundle-node.mjs"];
  for (const p of [
    "src",
    "messages",
    "public",
    "next.config.ts",
    "package-lock.json",
    "tsconfig.json",
    "tsconfig.build.json",
    "postcss.config.mjs",
    ...bundled,
  ])
    walk(p);
  return hash.digest("hex");
}

/**
 * The app's server and the job worker as JavaScript files beside the build: started by plain Node, they need no
 * TypeScript loader at run time. The loader's hooks run on a thread of their own, with a heap of their own, and
 * it kept every module's source and transform (~35 MB in the app server, ~50 MB in the worker). Packages stay
 * outside the bundles, loaded from node_modules as before.
 */
export const SERVE_BUNDLE = path.join(".next", "tajer", "serve.mjs");
export const WORKER_BUNDLE = path.join(".next", "tajer", "worker.mjs");

function bundleServerScripts() {
  const result = spawnSync(
    ESBUILD,
    [
      "scripts/serve.ts",
      "scripts/worker.ts",
      ...NODE_BUNDLE_ARGS,
      "--entry-names=[name]",
      "--out-extension:.js=.mjs",
      `--outdir=${path.dirname(SERVE_BUNDLE)}`,
    ],
    { stdio: "inherit" },
  );
  if (result.status !== 0) throw new Error("bundling the server scripts failed");
}

/** The production build in .next, made again only when a source changed. Says "built in X s" when it built (the benchmark reads it). */
export function buildIfNeeded(log: (...parts: unknown[]) => void) {
  const stamp = path.join(".next", "tajer-source-fingerprint");
  const fingerprint = sourceFingerprint();
  const built = fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(SERVE_BUNDLE) && fs.existsSync(WORKER_BUNDLE) && fs.existsSync(stamp);
  if (built && fs.readFileSync(stamp, "utf8") === fingerprint) return;
  log("building the app (first start or sources changed)…");
  const started = Date.now();
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  bundleServerScripts();
  fs.writeFileSync(stamp, fingerprint);
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
