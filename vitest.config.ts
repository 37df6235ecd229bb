import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Server modules are marked `import "server-only"` (it throws outside React's server environment); the tests
// run them under Node, where the marker is the package's own empty module, as in scripts/server-side.mjs.
const alias = { "@": path.resolve(import.meta.dirname, "src"), "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") };

export default defineConfig({
  resolve: { alias },
  test: {
    // A leftover .only would quietly run one test and call the suite green.
    allowOnly: false,
    // One file per core and one more: an integration file spends much of its time waiting on Postgres, another
    // process (on two cores, vitest's default of one worker ran the files one after another: 392 s, 307 s with 3).
    maxWorkers: os.availableParallelism() + 1,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", allowOnly: false },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          allowOnly: false,
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-database.ts"],
          setupFiles: ["tests/setup/worker-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // On a Citus cluster the files share one database: one at a time.
          fileParallelism: process.env.TEST_CLUSTER !== "1",
        },
      },
    ],
  },
});
