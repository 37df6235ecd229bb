import { expect, test } from "@playwright/test";
import { linkFromSms, smsTo } from "./helpers";
import { askEveryCodOrder, base, placeCodOrder, twilioBase } from "./cod";

// The merchant's side of a customer's messages, on the desk and the tablet (the customer's side runs on the phone
// too: cod-confirmation.spec).

test("staff answer a customer's WhatsApp question from the order page, find both on the Messages page, and confirm for the customer after a call", async ({
  page,
  request,
}) => {
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

  // The customer then says yes on the phone: a person confirms for them.
  await page.goto(`/s/second/orders/${order.id}`);
  await page.getByRole("button", { name: "Confirmed by phone" }).click();
  await expect(page.getByTestId("order-confirmation")).toHaveAttribute("data-state", "confirmed");
  await expect(page.getByText("Confirmed for the customer (by phone)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirmed by phone" })).toHaveCount(0);
});
