// The browser both Playwright configs run (the browser suite and the two-server suite), and what they record.
import fs from "node:fs";
import type { PlaywrightWorkerOptions } from "@playwright/test";

// Chromium's headless shell where it is installed (Debian's chromium-headless-shell): the browser without its
// windowing and compositing, which took most of the two cores the suite runs on. Else the full browser, headless.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const chromium = process.env.CHROMIUM_PATH ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");
if (!fs.existsSync(chromium)) {
  throw new Error(`Chromium was not found at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
}

export const browserUse: Pick<PlaywrightWorkerOptions, "trace" | "screenshot" | "launchOptions"> = {
  // A trace records the screen and the page all along, for every test: a third of the browser's work. It is
  // kept for a failure when asked for (E2E_TRACE=1, e.g. to rerun a failed test); a failure's screenshot always.
  trace: process.env.E2E_TRACE === "1" ? "retain-on-failure" : "off",
  screenshot: "only-on-failure",
  launchOptions: {
    executablePath: chromium,
    args: [
      ...(chromium.includes("headless-shell") ? [] : ["--headless=new"]),
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};
