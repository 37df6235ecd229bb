import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Cash on delivery confirmed by the customer, by WhatsApp: the second store asks every COD order (the specs'
// shared steps).
const SECOND = { authorization: "Bearer tj_second_owner_token_0001" };
export const base = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
export const twilioBase = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 2}`;

export async function askEveryCodOrder(page: Page) {
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

export async function placeCodOrder(request: APIRequestContext, locale: "ar" | "en") {
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
