import { expect, test } from "@playwright/test";
import { placeDemoOrder, signIn } from "./helpers";

test("owner moves a received order to In Progress with a note and an SMS, and sees both on the timeline", async ({ page, request }) => {
  const order = await placeDemoOrder(request);
  await signIn(page, "owner@demo.test");
  await page.goto(`/s/demo/orders/${order.id}`);
  await expect(page.getByRole("heading", { name: /^Order #/ })).toBeVisible();

  await page.getByLabel("In Progress").check();
  const note = `Packing now ${Date.now()}`;
  await page.getByLabel("Additional customer notes").fill(note);
  await expect(page.getByRole("switch", { name: "Send SMS to customer" })).toBeChecked();
  await expect(page.getByText(/characters · \d+ SMS/)).toBeVisible();
  await page.getByRole("button", { name: "Execute Action" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Done: the order is now In Progress." })).toBeVisible();
  await expect(page.locator("main").getByText("In Progress", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Status changed from Received to In Progress")).toBeVisible();
  await expect(page.getByText(`Note to the customer: “${note}”`)).toBeVisible();
  // The worker picks the SMS up after commit and hands it to the provider (the local Twilio-compatible server).
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("sent to the provider")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator("li").filter({ hasText: "SMS to the customer" }).getByText(note)).toBeVisible();
});

test("a stale page is told who changed the order, not shown an error page", async ({ page, browser, request }) => {
  const order = await placeDemoOrder(request);
  await signIn(page, "owner@demo.test");
  await page.goto(`/s/demo/orders/${order.id}`);
  const url = page.url();

  const other = await browser.newContext();
  const admin = await other.newPage();
  await signIn(admin, "admin@demo.test");
  await admin.goto(url);
  await admin.getByLabel("Canceled").check();
  await admin.getByRole("switch", { name: "Send SMS to customer" }).uncheck();
  await admin.getByRole("button", { name: "Execute Action" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Done" })).toBeVisible();
  await other.close();

  await page.getByLabel("In Progress").check();
  await page.getByRole("button", { name: "Execute Action" }).click();
  const actions = page.getByRole("form", { name: "Order Actions" });
  await expect(actions.getByRole("alert")).toHaveText(/This order was just changed by Faisal Al-Harbi\. It is now Canceled/);
  // The page shows the order's new state: nothing more can be done with an unpaid canceled order.
  await expect(actions.getByText("No further changes are possible for this order.")).toBeVisible();
  await expect(page.getByText("Status changed from Received to Canceled")).toBeVisible();
});
