import { expect, test } from "@playwright/test";
import { linkFromSms, smsTo } from "./helpers";
import { violations } from "./a11y";
import { askEveryCodOrder, base, placeCodOrder, twilioBase } from "./cod";

// Cash on delivery confirmed by the customer before anything ships: the second store asks every COD order,
// by WhatsApp (the local Twilio server carries it, with its approved templates, and plays the customer).
// The customer's pages speak the customer's language (Arabic, or English when they shopped in English);
// the dashboard is read in English.
test("a COD order waits for the customer: confirmed on the order page the WhatsApp message links, declined by replying «إلغاء»", async ({
  page,
  request,
  browser,
}) => {
  // Two orders through the worker, a customer's phone and the merchant's desk: longer than one page's test.
  test.setTimeout(150_000);
  await askEveryCodOrder(page);

  // 1. The customer confirms on the page the SMS links, in Arabic.
  const first = await placeCodOrder(request, "ar");
  // The WhatsApp message, read back from the local Twilio server.
  const link = await linkFromSms(request, `whatsapp:${first.phone}`, "/o/");
  // The customer, on their phone (a context of its own: axe needs one).
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const customer = await phone.newPage();
  await customer.goto(link);
  const ask = customer.getByTestId("confirmation");
  await expect(ask.getByRole("heading", { name: "يُرجى تأكيد طلبك" })).toBeVisible();
  expect(await violations(customer, "confirmation (ar)")).toEqual([]);
  await ask.getByRole("button", { name: "تأكيد طلبي" }).click();
  await expect(customer.getByTestId("confirmation-done")).toHaveText("شكرًا لك: تم تأكيد طلبك.");
  await expect(customer.getByTestId("confirmation")).toHaveCount(0);

  await page.goto(`/s/second/orders/${first.id}`);
  await expect(page.getByTestId("order-confirmation")).toHaveAttribute("data-state", "confirmed");
  await expect(page.getByText("The customer confirmed on their order page")).toBeVisible();
  await expect(page.getByText("Asked the customer to confirm cash on delivery by", { exact: false })).toBeVisible();

  // 2. A second order, in English: the page offers a cancel that asks once more; the customer answers by WhatsApp instead.
  const second = await placeCodOrder(request, "en");
  const secondLink = await linkFromSms(request, `whatsapp:${second.phone}`, "/o/");
  await customer.goto(secondLink);
  await customer.getByRole("link", { name: "Cancel my order" }).click();
  await expect(customer.getByText("Cancel this order? The store will not send it.")).toBeVisible();
  await customer.getByRole("link", { name: "No, keep it" }).click();
  await expect(customer.getByRole("button", { name: "Confirm my order" })).toBeVisible();
  expect(await violations(customer, "confirmation (en)", { contrast: false })).toEqual([]);

  // The order list marks it; the order page says how long is left.
  await page.goto(`/s/second/orders?q=${encodeURIComponent(second.phone)}`);
  await expect(page.getByTestId("badge-unconfirmed").locator("visible=true").first()).toHaveText("awaiting confirmation");
  await page.goto(`/s/second/orders/${second.id}`);
  await expect(page.getByTestId("order-confirmation")).toContainText("Awaiting the customer's confirmation · answer due in 24 hours");

  // The customer replies «إلغاء» on WhatsApp: Twilio (the local server) posts it, signed, to Tajer's webhook.
  const replied = await request.post(`${twilioBase}/_fake/inbound`, {
    data: { url: `${base}/api/webhooks/twilio/inbound`, from: `whatsapp:${second.phone}`, body: "إلغاء" },
  });
  expect((await replied.json()).status).toBe(200);
  await page.reload();
  await expect(page.getByTestId("order-confirmation")).toHaveAttribute("data-state", "declined");
  await expect(page.getByText("WhatsApp from the customer (read as “cancel”)")).toBeVisible();
  await expect(page.getByText("WhatsApp to the customer").first()).toBeVisible();
  await expect(page.getByText("إلغاء", { exact: true })).toBeVisible();
  await expect(page.getByText("The customer declined the order by a reply")).toBeVisible();
  await expect(page.getByText("Canceled by the customer", { exact: true })).toBeVisible();
  await expect(page.locator("main").getByText("Canceled", { exact: true }).first()).toBeVisible();
  // The customer is told, and their page says it is canceled.
  await expect.poll(async () => (await smsTo(request, `whatsapp:${second.phone}`)).length, { timeout: 20_000 }).toBe(2);
  await customer.goto(secondLink);
  await expect(customer.getByTestId("customer-status")).toHaveText("Your order was canceled");
  await phone.close();
});
