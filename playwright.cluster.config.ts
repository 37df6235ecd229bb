// The two-server suite (e2e-cluster/): a browser and HTTP clients against the topology that
// `npm run cluster:up -- --apps 2` starts. Run through `npm run test:cluster -- --topology`, which brings the
// topology up, sets TOPOLOGY_* for the suite, and stops it afterwards.
import fs from "node:fs";
import { defineConfig } from "@playwright/test";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) throw new Error(`Chromium was not found at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);

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
    // A trace records the screen and the page all along, for every test: a third of the browser's work. It is
    // kept for a failure when asked for (E2E_TRACE=1, e.g. to rerun a failed test); a failure's screenshot always.
    trace: process.env.E2E_TRACE === "1" ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromium, args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"] },
  },
});
