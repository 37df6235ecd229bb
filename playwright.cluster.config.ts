// The two-server suite (e2e-cluster/): a browser and HTTP clients against the topology that
// `npm run cluster:up -- --apps 2` starts. Run through `npm run test:cluster -- --topology`, which brings the
// topology up, sets TOPOLOGY_* for the suite, and stops it afterwards.
import { defineConfig } from "@playwright/test";
import { browserUse } from "./tests/support/browser";

export default defineConfig({
  testDir: "e2e-cluster",
  forbidOnly: true,
  // One at a time: a test stops a server that the next one needs.
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "reports/topology.json" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    viewport: { width: 1280, height: 800 },
    ...browserUse,
  },
});
