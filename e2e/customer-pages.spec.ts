import { expect, test, type APIRequestContext, type Locator } from "@playwright/test";
import { linkFromSms, signIn } from "./helpers";

const owner = { authorization: "Bearer tj_demo_owner_token_0001" };

// A tiny real PNG (2×2, red), as a phone's photo would be uploaded.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==", "base64");

async function order(request: APIRequestContext, name: string, phone: string) {
  const created = await request.post("/api/v1/orders", {
    headers: { ...owner, "idempotency-key": crypto.randomUUID() },
    data: {
      customer: { name, phone },
      items: [{ sku: "DM-002", quantity: 1 }],
      payment: { method: "cash_on_delivery" },
      shipping: { city: "الرياض", district: "العليا", address: "شارع التحلية 12", method: "AyMakan", fee: 2500 },
    },
  });
  expect(created.status()).toBe(201);
  return (await created.json()).data as { id: string; number: number };
}
/** Taps a star, as a finger would (the radio itself is visually hidden), and checks it took. */
async function star(group: Locator, name: string) {
  const radio = group.getByRole("radio", { name, exact: true });
  await radio.locator("xpath=..").click();
  await expect(radio).toBeChecked();
}
const move = (request: APIRequestContext, id: string, to: string, notifyCustomer = false) =>
  request.post(`/api/v1/orders/${id}/transitions`, { headers: owner, data: { to, notifyCustomer } }).then((r) => expect(r.status()).toBe(200));

test("the customer follows the order from the SMS link, then reviews it with a photo and gets a thank-you code; the merchant publishes it and the widget shows it", async ({ page, request, browser }) => {
  // A whole journey, with two browsers: on a busy machine it takes longer than one page's test.
  test.setTimeout(60_000);
  const phone = `+9665${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const text = `Lovely scarf ${test.info().project.name} ${Date.now()}`;
  const o = await order(request, "Sara Al-Qahtani", phone);
  await move(request, o.id, "in_progress", true);

  // The status SMS links to the customer's own order page: Arabic, right to left, no shipment yet.
  const orderUrl = await linkFromSms(request, phone, "/o/");
  await page.goto(orderUrl);
  await expect(page.getByTestId("customer-status")).toHaveText("نجهّز طلبك");
  await expect(page.locator("main[dir], html[dir='rtl']").first()).toBeVisible();
  await expect(page.getByTestId("customer-shipment")).toHaveCount(0);

  // A label ships it: the page now shows the carrier and its tracking page.
  const branches = await (await request.get("/api/v1/branches", { headers: owner })).json();
  const label = await request.post(`/api/v1/orders/${o.id}/shipments`, {
    headers: { ...owner, "idempotency-key": crypto.randomUUID() },
    data: { branchId: branches.data[0].id, carrier: "aymakan", packages: [{ weightGrams: 400, lengthCm: 20, widthCm: 15, heightCm: 5 }], handover: "dropoff" },
  });
  expect(label.status()).toBe(201);
  await page.reload();
  await expect(page.getByTestId("customer-shipment")).toContainText("AyMakan");
  await expect(page.getByRole("link", { name: "تتبّع الشحنة" })).toHaveAttribute("href", /aymakan/);
  await move(request, o.id, "out_for_delivery");
  await move(request, o.id, "delivered");
  await page.reload();
  await expect(page.getByTestId("customer-status")).toHaveText("تم التسليم");

  // The owner does not wait three days.
  const merchant = await browser.newPage();
  await signIn(merchant, "owner@demo.test");
  await merchant.goto(`/s/demo/orders/${o.id}`);
  await merchant.getByRole("button", { name: "Send review request now" }).click();
  await expect(merchant.getByTestId("review-request")).toContainText("Review request sent");

  // The customer opens the review link from the SMS, rates, writes, adds a photo.
  const reviewUrl = await linkFromSms(request, phone, "/r/");
  await page.goto(reviewUrl);
  await expect(page.getByRole("heading", { name: "كيف كان طلبك؟" })).toBeVisible();
  await page.getByRole("button", { name: "أرسل تقييمي" }).click();
  await expect(page.getByRole("alert").first()).toContainText("من ١ إلى ٥ نجوم");
  const product = page.locator("section").first();
  await star(product.getByRole("radiogroup"), "3 نجوم");
  await product.getByRole("textbox").fill(text);
  await product.locator("input[type=file]").setInputFiles({ name: "scarf.png", mimeType: "image/png", buffer: PNG });
  await star(page.getByRole("radiogroup", { name: "تجربة الطلب" }), "نجمتان");
  await star(page.getByRole("radiogroup", { name: /التوصيل عبر/ }), "5 نجوم");
  await page.getByRole("button", { name: "أرسل تقييمي" }).click();
  await expect(page.getByTestId("review-thanks")).toContainText("شكرًا على تقييمك");
  await expect(page.getByTestId("discount-code")).toHaveText(/^THX-[2-9A-Z]{8}$/);
  await expect(page.getByRole("link", { name: "WhatsApp" })).toHaveAttribute("href", /^https:\/\/wa\.me\/\?text=/);

  // Three stars wait for the merchant; they publish it.
  await merchant.goto("/s/demo/reviews?status=pending");
  const row = merchant.getByTestId("review-row").filter({ hasText: text });
  await expect(row).toContainText("Waiting for approval");
  await expect(row.getByRole("img")).toHaveCount(1);
  await row.getByRole("button", { name: "Publish" }).click();
  // Leaving before the action answers would cancel it: wait until the review leaves the pending list.
  await expect(row).toHaveCount(0);
  await merchant.goto("/s/demo/reviews?status=published");
  await expect(merchant.getByTestId("review-row").filter({ hasText: text })).toBeVisible();
  await merchant.goto("/s/demo/reviews/discounts");
  await expect(merchant.getByTestId("discount-row").filter({ hasText: "Sara Al-Qahtani" }).first()).toBeVisible();

  // A store theme that embeds the widget shows the review, in its own shadow root.
  const theme = await browser.newPage();
  await theme.setContent(`<html><body><h1>Store theme</h1><p style="color:red;font-size:40px">theme CSS</p><script src="${test.info().project.use.baseURL}/widget/reviews.js" data-store="demo" async></script></body></html>`);
  await expect(theme.locator(".tajer-reviews").getByText(text)).toBeVisible();
  await expect(theme.locator(".tajer-reviews").getByText("آراء عملائنا")).toBeVisible();
  await expect(theme.locator(".tajer-reviews img").first()).toBeVisible();
});

test("a wrong order or review link is a plain 404", async ({ page }) => {
  for (const path of [`/o/${"a".repeat(64)}`, "/o/123", `/r/${"b".repeat(64)}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("three large phone photos go through to the review; a body past the limit is a clear 413", async ({ page, browser, request }) => {
  test.setTimeout(90_000);
  const phone = `+9665${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const o = await order(request, "Photo Customer", phone);
  for (const to of ["in_progress", "shipped", "delivered"]) {
    await request
      .post(`/api/v1/orders/${o.id}/transitions`, { headers: owner, data: { to, notifyCustomer: false, ...(to === "shipped" ? { shipment: { courierName: "Mandoob" } } : {}) } })
      .then((r) => expect(r.status()).toBe(200));
  }
  const merchant = await browser.newPage();
  await signIn(merchant, "owner@demo.test");
  await merchant.goto(`/s/demo/orders/${o.id}`);
  await merchant.getByRole("button", { name: "Send review request now" }).click();
  await expect(merchant.getByTestId("review-request")).toContainText("Review request sent");
  const reviewUrl = await linkFromSms(request, phone, "/r/");

  // Three photos of some 4.7 MB each, as a phone takes them: together past what a proxy buffers by default.
  const sharp = (await import("sharp")).default;
  const { randomBytes } = await import("node:crypto");
  const photos = await Promise.all(
    [1, 2, 3].map(async (n) => ({ name: `IMG_${n}.jpg`, mimeType: "image/jpeg", buffer: await sharp(randomBytes(2200 * 2200 * 3), { raw: { width: 2200, height: 2200, channels: 3 } }).jpeg({ quality: 95 }).toBuffer() })),
  );
  expect(photos.reduce((sum, p) => sum + p.buffer.length, 0)).toBeGreaterThan(12 * 1024 * 1024);
  await page.goto(reviewUrl);
  const product = page.locator("section").first();
  await star(product.getByRole("radiogroup"), "4 نجوم");
  await product.locator("input[type=file]").setInputFiles(photos);
  await star(page.getByRole("radiogroup", { name: "تجربة الطلب" }), "5 نجوم");
  await page.getByRole("button", { name: "أرسل تقييمي" }).click();
  await expect(page.getByTestId("review-thanks")).toContainText("شكرًا على تقييمك", { timeout: 30_000 });

  // Past the limit: refused at once with the code and the limit, nothing read into memory.
  const token = new URL(reviewUrl).pathname.split("/").pop()!;
  const huge = await request.post(`/api/public/reviews/${token}`, { multipart: { payload: "{}", "photos.x": { name: "big.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(65 * 1024 * 1024, 1) } } });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", limitBytes: expect.any(Number) });
  await merchant.close();
});
