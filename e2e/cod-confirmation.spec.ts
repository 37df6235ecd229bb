import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { linkFromSms, signIn, smsTo } from "./helpers";
import { violations } from "./a11y";

// Cash on delivery confirmed by the customer before anything ships: the second store asks every COD order,
// by WhatsApp (the local Twilio server carries it, with its approved templates, and plays the customer).
// The customer's pages speak the customer's language (Arabic, or English when they shopped in English);
// the dashboard is read in English.
const SECOND = { authorization: "Bearer tj_second_owner_token_0001" };
const base = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
const twilioBase = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 2}`;

async function askEveryCodOrder(page: Page) {
  await signIn(page, "owner@second.test");
  await page.goto("/s/second/settings/sms");
  await page.getByRole("radio", { name: /^WhatsApp Approved/ }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await page.goto("/s/second/settings/cod");
  const form = page.getByRole("form", { name: "Confirmation by the customer" });
  await form.getByLabel("Ask to confirm").selectOption("all_cod");
  await form.getByLabel("Hours to wait for the answer").fill("24");
  await form.getByLabel("A label for an unconfirmed order").selectOption("warn");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
}

async function placeCodOrder(request: APIRequestContext, locale: "ar" | "en") {
  const phone = `+9665${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const response = await request.post("/api/v1/orders", {
    headers: { ...SECOND, "idempotency-key": crypto.randomUUID() },
    data: {
      customer: { name: locale === "ar" ? "هند الحربي" : "Hind Alharbi", phone, locale },
      items: [{ sku: "SC-002", quantity: 1 }],
      payment: { method: "cash_on_delivery", status: "pending" },
      shipping: { city: "الرياض", address: "شارع العليا 1", method: "Aramex", fee: 2500 },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const order = (await response.json()).data as { id: string; number: number; confirmation: { state: string; dueAt: string } | null };
  expect(order.confirmation?.state).toBe("awaiting");
  return { ...order, phone };
}

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

test("a person confirms for the customer after a phone call", async ({ page, request }) => {
  await askEveryCodOrder(page);
  const order = await placeCodOrder(request, "ar");
  await page.goto(`/s/second/orders/${order.id}`);
  await page.getByRole("button", { name: "Confirmed by phone" }).click();
  await expect(page.getByTestId("order-confirmation")).toHaveAttribute("data-state", "confirmed");
  await expect(page.getByText("Confirmed for the customer (by phone)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirmed by phone" })).toHaveCount(0);
});

test("staff answer a customer's WhatsApp question from the order page, and the Messages page shows both", async ({ page, request }) => {
  await askEveryCodOrder(page);
  const order = await placeCodOrder(request, "ar");
  await linkFromSms(request, `whatsapp:${order.phone}`, "/o/");
  const asked = await request.post(`${twilioBase}/_fake/inbound`, {
    data: { url: `${base}/api/webhooks/twilio/inbound`, from: `whatsapp:${order.phone}`, body: "متى يصل الطلب؟" },
  });
  expect((await asked.json()).status).toBe(200);

  // Each project's run writes its own answer: the Messages page lists them all.
  const answer = `غدًا قبل الظهر، الطلب ${order.number}`;
  await page.goto(`/s/second/orders/${order.id}`);
  const reply = page.getByRole("form", { name: "Message the customer" });
  await expect(reply).toContainText("Goes by WhatsApp: the customer wrote within the last 24 hours");
  await reply.getByLabel("Your message").fill(answer);
  await reply.getByRole("button", { name: "Send" }).click();
  await expect(reply.getByRole("status")).toHaveText("Sent.");
  await expect(page.getByText("Wrote to the customer by WhatsApp")).toBeVisible();
  await expect.poll(async () => (await smsTo(request, `whatsapp:${order.phone}`)).map((m) => m.body), { timeout: 20_000 }).toContain(answer);

  await page.goto("/s/second/messages");
  await expect(page.getByTestId("messages-inbox").getByText("متى يصل الطلب؟").first()).toBeVisible();
  await page.getByRole("link", { name: "Sent", exact: true }).click();
  await expect(page.getByTestId("messages-sent").getByText(answer)).toBeVisible();
  await expect(page.getByTestId("message-spend")).toContainText("WhatsApp this month");
});
