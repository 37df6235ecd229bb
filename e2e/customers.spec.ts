import { expect, test } from "@playwright/test";
import { placeDemoOrder, signIn } from "./helpers";

test("block a customer from the order page; their next order is refused and the refusal is shown", async ({ page, request }) => {
  const phone = `+96655${String(Date.now()).slice(-7)}`;
  const order = await placeDemoOrder(request, { customer: { name: `Prankster ${test.info().project.name}`, phone } });
  await signIn(page, "owner@demo.test");
  await page.goto(`/s/demo/orders/${order.id}`);
  await page.getByRole("button", { name: "Block customer" }).click();
  await page.getByRole("button", { name: "Block", exact: true }).click();
  await expect(page.getByText("Write the reason (at least 3 characters).")).toBeVisible();
  await page.getByLabel("Why are you blocking this customer? (required)").fill("Refused delivery twice");
  await page.getByRole("button", { name: "Block", exact: true }).click();
  await expect(page.getByRole("note")).toContainText("This customer is blocked: Refused delivery twice");
  await expect(page.getByText("Customer blocked: \u2068Refused delivery twice\u2069")).toBeVisible();

  const refused = await request.post("/api/v1/orders", {
    headers: { authorization: "Bearer tj_demo_owner_token_0001", "idempotency-key": crypto.randomUUID() },
    data: {
      customer: { name: "Someone", phone },
      items: [{ sku: "DM-002", quantity: 1 }],
      payment: { method: "cash_on_delivery" },
      shipping: { city: "جدة", address: "شارع 1", method: "SMSA", fee: 2200 },
    },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.code).toBe("CUSTOMER_BLOCKED");

  await page.getByRole("link", { name: "View customer" }).first().click();
  await expect(page.getByRole("heading", { name: `Prankster ${test.info().project.name}` })).toBeVisible();
  await expect(page.getByText("Blocked since")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Orders refused because the customer is blocked" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Customers" }).click();
  await page.getByLabel("Show").selectOption("only");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText(`Prankster ${test.info().project.name}`)).toBeVisible();
});
