import { expect, test } from "@playwright/test";
import { placeDemoOrder, signIn } from "./helpers";

// The demo store is VAT-registered and invoices on delivery. An order delivered: its tax invoice is on the
// customer's own page (the PDF and the XML) and on the order page with its reporting to ZATCA; money given
// back in part is a credit note against the invoice, on both pages.
const DEMO = { authorization: "Bearer tj_demo_owner_token_0001" };

test("delivered → the invoice on the customer's page → a partial refund → a credit note", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { id } = await placeDemoOrder(request, { payment: { method: "card", status: "paid" } });
  for (const body of [{ to: "in_progress" }, { to: "shipped", shipment: { courierName: "Own driver" } }, { to: "delivered" }]) {
    const moved = await request.post(`/api/v1/orders/${id}/transitions`, { headers: { ...DEMO, "idempotency-key": crypto.randomUUID() }, data: body });
    expect(moved.status(), await moved.text()).toBe(200);
  }
  const view = (await (await request.get(`/api/v1/storefront/orders/${id}`, { headers: DEMO })).json()).data;
  expect(view.documents).toHaveLength(1);
  const [invoice] = view.documents;
  expect(invoice).toMatchObject({ kind: "invoice", number: expect.stringMatching(/^INV-\d{6}$/) });

  // The customer's page, as the SMS opens it (in the store's language, Arabic).
  await page.goto(new URL(view.pageUrl).pathname);
  const documents = page.getByTestId("customer-documents");
  await expect(documents).toContainText(invoice.number);
  const pdf = await request.get(new URL(invoice.pdfUrl).pathname);
  expect([pdf.status(), pdf.headers()["content-type"]]).toEqual([200, "application/pdf"]);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const xml = await request.get(new URL(invoice.xmlUrl).pathname + new URL(invoice.xmlUrl).search);
  expect(await xml.text()).toContain(`<cbc:ID>${invoice.number}</cbc:ID>`);

  // Part of the money back: a credit note against the invoice.
  const refund = await request.post(`/api/v1/orders/${id}/transitions`, {
    headers: { ...DEMO, "idempotency-key": crypto.randomUUID() },
    data: { to: "refunded", refundAmount: 1500 },
  });
  expect(refund.status(), await refund.text()).toBe(200);
  await page.reload();
  // The customer's page speaks the store's language: Arabic.
  await expect(documents).toContainText(/إشعار دائن CN-\d{6}/);

  // The store's people: both documents on the order page, each reported to ZATCA by the worker.
  await signIn(page, "owner@demo.test");
  await page.goto(`/s/demo/orders/${id}`);
  const card = page.getByTestId("invoices");
  await expect(card.getByTestId("tax-document")).toHaveCount(2);
  await expect(card).toContainText(invoice.number);
  // (The invoice number is isolated from the sentence's direction: U+2068 … U+2069.)
  await expect(card).toContainText(`Against \u2068${invoice.number}\u2069`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("invoices").getByText(/^Reported (to ZATCA|with warnings)$/)).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });

  // A credit note by hand, more than the invoice has left: refused, naming the amount.
  const form = card.locator("form");
  await form.getByLabel("Amount with VAT").fill("100000");
  await form.getByLabel("Reason").fill("Goodwill");
  await form.getByRole("button", { name: "Issue note" }).click();
  await expect(form).toContainText("must be at most");
  await form.getByLabel("Amount with VAT").fill("5");
  await form.getByRole("button", { name: "Issue note" }).click();
  await expect(page.getByTestId("invoices").getByTestId("tax-document")).toHaveCount(3);
});
