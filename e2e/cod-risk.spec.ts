import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// A risky customer's cash-on-delivery order refused at intake, with the reasons: the second store weighs
// parcels that came back heavily and does not offer cash on delivery to its high band; after two COD parcels
// came back, the customer's next COD order is refused through the API naming the factors, and the customer's
// page shows them, with the orders behind them, to the person who decides (blocking stays theirs).
const SECOND = { authorization: "Bearer tj_second_owner_token_0001" };

test("a risky customer's COD order is refused at intake with the reasons, shown on the customer's page", async ({ page, request }) => {
  test.setTimeout(90_000);
  await signIn(page, "owner@second.test");
  await page.goto("/s/second/settings/cod");
  const form = page.getByRole("form", { name: "Customer risk" });
  await form.getByLabel("Parcels that came back (refused or returned)").fill("60");
  await form.getByLabel("High risk from").fill("50");
  await form.getByLabel("then").nth(1).selectOption("no_cod");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");

  const phone = `+9665${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const place = () =>
    request.post("/api/v1/orders", {
      headers: { ...SECOND, "idempotency-key": crypto.randomUUID() },
      data: {
        customer: { name: "Rakan Alotaibi", phone },
        items: [{ sku: "SC-002", quantity: 1 }],
        payment: { method: "cash_on_delivery", status: "pending" },
        shipping: { city: "الرياض", address: "شارع العليا 1", method: "Aramex", fee: 2500 },
      },
    });
  // Two COD parcels that came back.
  const placed = [await place(), await place()];
  for (const response of placed) {
    expect(response.status(), await response.text()).toBe(201);
    const { id } = (await response.json()).data as { id: string };
    for (const body of [{ to: "in_progress" }, { to: "shipped", shipment: { courierName: "Own driver" } }, { to: "returned" }]) {
      const moved = await request.post(`/api/v1/orders/${id}/transitions`, { headers: { ...SECOND, "idempotency-key": crypto.randomUUID() }, data: body });
      expect(moved.status(), await moved.text()).toBe(200);
    }
  }
  // The next COD order: its customer is in the high band now.
  const refused = await place();
  expect(refused.status()).toBe(422);
  const { error } = await refused.json();
  expect(error.code).toBe("COD_NOT_ALLOWED");
  expect(error.fields).toEqual({ "payment.method": "is not offered to this customer" });
  expect(error.risk.band).toBe("high");
  expect(error.risk.reasons).toContainEqual({ factor: "returnShare", points: 60 });

  // The person deciding sees the same reasons, with the orders behind them.
  const customerId = (await placed[0].json()).data.customer.id as string;
  await page.goto(`/s/second/customers/${customerId}`);
  await expect(page.locator("[data-band]")).toHaveAttribute("data-band", "high");
  const back = page.locator('[data-factor="returnShare"]');
  await expect(back).toContainText("Parcels that came back (refused or returned)");
  await expect(back).toContainText("60 of 60 points");
  await expect(back.getByRole("link", { name: /^#\d+/ })).toHaveCount(2);
});
