import { defineConfig, devices } from "@playwright/test";
import { browserUse } from "./tests/support/browser";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, FAKE_WHATSAPP_CONTENT, FAKE_WHATSAPP_FROM } from "./tests/support/twilio-fake";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const twilioPort = port + 2;
const mailHttpPort = port + 3;
const mailSmtpPort = port + 4;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // A leftover test.only would quietly run one test and call the suite green.
  forbidOnly: true,
  workers: 3,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  // A test's limit catches a hang, not slowness (speed is measured by the benchmark): on a two-core
  // machine running the browser, the app, its worker and Postgres at once, a two-browser test takes 30 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    ...browserUse,
  },
  projects: [
    {
      name: "desktop",
      testIgnore: /(api|review-uploads|a11y-large-tablet|pack|pack-camera)\.spec/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
    },
    {
      name: "tablet",
      // The tablet is the floor's: staff working the orders, their actions, labels, packing, live updates, the
      // customer's messages and cash, on cards and under a finger. Every other page's tablet layout is checked
      // by the accessibility sweep (a11y-dashboard: each page at 768 px, touch sizes included); their flows,
      // the same on any screen, run on the desktop.
      testMatch: /\/(orders|order-actions|labels|bulk|live|pack|pack-camera|messages|customers|cod-cash|cod-risk|a11y-dashboard|a11y-large-tablet)\.spec\.ts$/,
      use: { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: false, userAgent: devices["iPad (gen 7)"].userAgent },
    },
    // The customer's own pages (order, review) are opened from an SMS: on a phone. Large photo
    // uploads are a customer's, and only the phone sends them.
    {
      name: "phone",
      testMatch: /(customer-pages|review-uploads|a11y-customer|cod-confirmation|cod-cash|tax-invoices)\.spec/,
      use: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, userAgent: devices["iPhone 13"].userAgent },
    },
    // The packing station is a stockroom tablet's: the large tablet runs it too, with touch.
    {
      name: "large-tablet",
      testMatch: /pack\.spec/,
      use: { viewport: { width: 1024, height: 1366 }, hasTouch: true, isMobile: false, userAgent: devices["iPad Pro 11"].userAgent },
    },
    // The HTTP API has no layout: its checks run once.
    { name: "api", testMatch: /api\.spec/ },
  ],
  // The production build against a freshly seeded database of its own.
  webServer: [
    // A local Twilio-compatible server: customers' SMS land here, and tests read them back.
    {
      command: `node --import tsx tests/support/twilio-fake-server.ts ${twilioPort}`,
      url: `http://127.0.0.1:${twilioPort}/`,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    // A local SMTP server: the installation's email (sign-up, password reset) lands here, and tests read it back.
    {
      command: `node --import tsx tests/support/mail-fake-server.ts ${mailSmtpPort} ${mailHttpPort}`,
      url: `http://127.0.0.1:${mailHttpPort}/`,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: "node scripts/start.mjs",
      url: `${baseURL}/signin`,
      timeout: 240_000,
      reuseExistingServer: false,
      // Let the start wrapper stop Next and then Postgres; the default SIGKILL would orphan them.
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
      stdout: "pipe",
      env: {
        PORT: String(port),
        HOST: "127.0.0.1",
        TAJER_DATA_DIR: ".data/e2e",
        PG_PORT: String(port + 51_000),
        TAJER_FRESH_DB: "1",
        DATABASE_URL: "",
        PUBLIC_URL: baseURL,
        TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: FAKE_AUTH_TOKEN,
        TWILIO_API_BASE: `http://127.0.0.1:${twilioPort}`,
        TWILIO_WHATSAPP_FROM: FAKE_WHATSAPP_FROM,
        TWILIO_WHATSAPP_CONTENT: JSON.stringify(FAKE_WHATSAPP_CONTENT),
        ARAMEX_SUPPLIES_EMAIL: "supplies@example.com",
        ARAMEX_PLATFORM_ACCOUNT: "165623",
        SMTP_URL: `smtp://127.0.0.1:${mailSmtpPort}`,
        MAIL_FROM: "Tajer <no-reply@tajer.test>",
      },
    },
  ],
});
