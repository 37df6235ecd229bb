import { expect, test } from "@playwright/test";
import { linkFromSms, placeDemoOrder, sendReviewRequestNow, tapStar } from "./helpers";

// Run by the phone project only: a customer reviews from the phone the SMS reached, and moving
// some 15 MB of photos through the server once is enough to prove the path.
const owner = { authorization: "Bearer tj_demo_owner_token_0001" };

test("three large phone photos go through to the review; a body past the limit is a clear 413", async ({ page, browser, request }) => {
  test.setTimeout(90_000);
  const phone = `+9665${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const o = await placeDemoOrder(request, { customer: { name: "Photo Customer", phone } });
  for (const to of ["in_progress", "shipped", "delivered"]) {
    await request
      .post(`/api/v1/orders/${o.id}/transitions`, {
        headers: owner,
        data: { to, notifyCustomer: false, ...(to === "shipped" ? { shipment: { courierName: "Mandoob" } } : {}) },
      })
      .then((r) => expect(r.status()).toBe(200));
  }
  const merchant = await sendReviewRequestNow(browser, o.id);
  const reviewUrl = await linkFromSms(request, phone, "/r/");

  // Three photos of some 4.7 MB each, as a phone takes them: together past what a proxy buffers by default.
  const sharp = (await import("sharp")).default;
  const { randomBytes } = await import("node:crypto");
  const photos = await Promise.all(
    [1, 2, 3].map(async (n) => ({
      name: `IMG_${n}.jpg`,
      mimeType: "image/jpeg",
      buffer: await sharp(randomBytes(2200 * 2200 * 3), { raw: { width: 2200, height: 2200, channels: 3 } })
        .jpeg({ quality: 95 })
        .toBuffer(),
    })),
  );
  expect(photos.reduce((sum, p) => sum + p.buffer.length, 0)).toBeGreaterThan(12 * 1024 * 1024);
  await page.goto(reviewUrl);
  const product = page.locator("section").first();
  await tapStar(product.getByRole("radiogroup"), "4 نجوم");
  await product.locator("input[type=file]").setInputFiles(photos);
  await tapStar(page.getByRole("radiogroup", { name: "تجربة الطلب" }), "5 نجوم");
  await page.getByRole("button", { name: "أرسل تقييمي" }).click();
  await expect(page.getByTestId("review-thanks")).toContainText("شكرًا على تقييمك", { timeout: 30_000 });

  // Past the limit: refused at once with the code and the limit, nothing read into memory.
  const token = new URL(reviewUrl).pathname.split("/").pop()!;
  const huge = await request.post(`/api/public/reviews/${token}`, {
    multipart: { payload: "{}", "photos.x": { name: "big.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(65 * 1024 * 1024, 1) } },
  });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", limitBytes: expect.any(Number) });
  await merchant.close();
});
