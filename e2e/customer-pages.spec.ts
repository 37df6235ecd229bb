import { expect, test, type APIRequestContext } from "@playwright/test";
import { linkFromSms, sendReviewRequestNow, tapStar } from "./helpers";

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
const move = (request: APIRequestContext, id: string, to: string, notifyCustomer = false) =>
  request.post(`/api/v1/orders/${id}/transitions`, { headers: owner, data: { to, notifyCustomer } }).then((r) => expect(r.status()).toBe(200));

test("the customer follows the order from the SMS link, then reviews it with a photo and gets a thank-you code; the merchant publishes it and the widget shows it", async ({
  page,
  request,
  browser,
}) => {
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
  const merchant = await sendReviewRequestNow(browser, o.id);

  // The customer opens the review link from the SMS, rates, writes, adds a photo.
  const reviewUrl = await linkFromSms(request, phone, "/r/");
  await page.goto(reviewUrl);
  await expect(page.getByRole("heading", { name: "كيف كان طلبك؟" })).toBeVisible();
  await page.getByRole("button", { name: "أرسل تقييمي" }).click();
  await expect(page.getByRole("alert").first()).toContainText("من 1 إلى 5 نجوم");
  const product = page.locator("section").first();
  await tapStar(product.getByRole("radiogroup"), "3 نجوم");
  await product.getByRole("textbox").fill(text);
  await product.locator("input[type=file]").setInputFiles({ name: "scarf.png", mimeType: "image/png", buffer: PNG });
  await tapStar(page.getByRole("radiogroup", { name: "تجربة الطلب" }), "نجمتان");
  await tapStar(page.getByRole("radiogroup", { name: /التوصيل عبر/ }), "5 نجوم");
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
  await theme.setContent(
    `<html><body><h1>Store theme</h1><p style="color:red;font-size:40px">theme CSS</p><script src="${test.info().project.use.baseURL}/widget/reviews.js" data-store="demo" async></script></body></html>`,
  );
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
