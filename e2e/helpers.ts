import { expect, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";

export const PASSWORD = "demo-password";

export async function signIn(page: Page, email: string) {
  // Tests read English: pick it for this browser, whatever language the user last saved.
  // (Cookies belong to a host, not a port.)
  await page.context().addCookies([{ name: "tajer-locale", value: "en", url: "http://127.0.0.1" }]);
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/s\/[^/]+\/orders/);
}

/** The visible orders: table rows on a desktop, cards on a tablet. */
/**
 * Waits until the page's script has taken over (the root layout's mark). Before that, a form the script submits
 * is sent by the browser as a plain page load: a test that presses its button first reloads the page instead.
 */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export function orderLinks(page: Page) {
  return page.locator("main").getByRole("link", { name: /^#\d+/ }).locator("visible=true");
}

/** A fresh order of the demo store, placed through the API, so parallel tests never share one. */
export async function placeDemoOrder(request: APIRequestContext, overrides: Record<string, unknown> = {}) {
  const response = await request.post("/api/v1/orders", {
    headers: { authorization: "Bearer tj_demo_owner_token_0001", "idempotency-key": crypto.randomUUID() },
    data: {
      customer: { name: "عميل الاختبار", phone: `+9665${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}` },
      items: [{ sku: "DM-002", quantity: 1 }],
      payment: { method: "cash_on_delivery", status: "pending" },
      shipping: { city: "الرياض", address: "شارع العليا 1", method: "Aramex", fee: 2500 },
      ...overrides,
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).data as { id: string; number: number };
}

/** An order being prepared for `city`, whose checkout named no carrier the store ships with. */
export async function packedOrderTo(request: APIRequestContext, city: string) {
  const order = await placeDemoOrder(request, { shipping: { city, address: "شارع الأمير سلطان 3", method: "Standard", fee: 2500 } });
  const moved = await request.post(`/api/v1/orders/${order.id}/transitions`, {
    headers: { authorization: "Bearer tj_demo_owner_token_0001" },
    data: { to: "in_progress", notifyCustomer: false },
  });
  expect(moved.status()).toBe(200);
  return order;
}

const twilioBase = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 2}`;

/** The SMS a customer received, newest first, read from the local Twilio-compatible server like Twilio's list API. */
export async function smsTo(request: APIRequestContext, phone: string): Promise<{ body: string }[]> {
  const response = await request.get(`${twilioBase}/2010-04-01/Accounts/AC${"0".repeat(32)}/Messages.json?To=${encodeURIComponent(phone)}`, {
    headers: { authorization: `Basic ${Buffer.from(`AC${"0".repeat(32)}:local_fake_auth_token`).toString("base64")}` },
  });
  return (await response.json()).messages;
}

/** Waits until the customer has an SMS containing `marker` and returns the first URL in it that contains it. */
export async function linkFromSms(request: APIRequestContext, phone: string, marker: string): Promise<string> {
  let link = "";
  await expect(async () => {
    const found = (await smsTo(request, phone)).map((m) => m.body.match(/https?:\/\/\S+/g)?.find((u) => u.includes(marker))).find(Boolean);
    expect(found).toBeTruthy();
    link = found!;
  }).toPass({ timeout: 20_000 });
  return link;
}

const mailBase = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 3}`;

/** Waits for an email to `to` with a link containing `marker` (the local SMTP server's inbox) and returns the link and the email. */
export async function linkFromEmail(request: APIRequestContext, to: string, marker: string): Promise<{ link: string; subject: string; text: string }> {
  let found: { link: string; subject: string; text: string } | null = null;
  await expect(async () => {
    const mails: { subject: string; text: string }[] = await (await request.get(`${mailBase}/messages?to=${encodeURIComponent(to)}`)).json();
    const mail = [...mails].reverse().find((m) => m.text.includes(marker));
    expect(mail).toBeTruthy();
    found = { link: mail!.text.match(/https?:\/\/\S+/g)!.find((u) => u.includes(marker))!, subject: mail!.subject, text: mail!.text };
  }).toPass({ timeout: 20_000 });
  return found!;
}

/** Every email the local SMTP server received for `to`. */
export async function mailTo(request: APIRequestContext, to: string): Promise<{ subject: string; text: string }[]> {
  return (await request.get(`${mailBase}/messages?to=${encodeURIComponent(to)}`)).json();
}

/**
 * Opens the notification bell's panel. The bell is drawn by the server before its script runs, and a
 * tap before then does nothing (as for any menu), so it is tapped until the panel opens.
 */
export async function openNotifications(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Notifications" });
  await expect(async () => {
    if (!(await dialog.isVisible())) await page.getByRole("button", { name: /^Notifications/ }).click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  return dialog;
}

/** The owner, in a browser of their own, sends the order's review request at once instead of in three days. */
export async function sendReviewRequestNow(browser: Browser, orderId: string) {
  const merchant = await browser.newPage();
  await signIn(merchant, "owner@demo.test");
  await merchant.goto(`/s/demo/orders/${orderId}`);
  // The order page fits the screen it is opened on, a phone's too: nothing runs off to the side.
  expect(await merchant.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await merchant.getByRole("button", { name: "Send review request now" }).click();
  await expect(merchant.getByTestId("review-request")).toContainText("Review request sent");
  return merchant;
}

/** Taps a star, as a finger would (the radio itself is visually hidden), and checks it took. */
export async function tapStar(group: Locator, name: string) {
  const radio = group.getByRole("radio", { name, exact: true });
  await radio.locator("xpath=..").click();
  await expect(radio).toBeChecked();
}

/** The app's own database under test (the start wrapper's embedded Postgres), for checks a page cannot show. */
export async function dbQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 51_000}/tajer` });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
