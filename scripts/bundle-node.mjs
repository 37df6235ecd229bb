// How the project's Node programs are bundled to plain JavaScript with esbuild (the start wrapper by
// scripts/start.mjs on every start; the app's server and the worker by scripts/build-if-needed.ts with the
// build): packages stay in node_modules, `@/` is src/, and `server-only` means "the server", as
// scripts/server-side.mjs makes it mean under the TypeScript loader.
import path from "node:path";

/** esbuild's own launcher: its native binary where the platform's package installed one, else a Node script. */
export const ESBUILD = path.join("node_modules", "esbuild", "bin", "esbuild");

/** The options every such bundle shares; the caller adds its entry points and where they go. */
export const NODE_BUNDLE_ARGS = [
  "--bundle",
  "--platform=node",
  "--format=esm",
  "--target=node20",
  "--packages=external",
  "--alias:@=./src",
  "--alias:server-only=./node_modules/server-only/empty.js",
  "--log-level=warning",
];
