import { expect, test } from "@playwright/test";
import { placeDemoOrder, signIn } from "./helpers";

test("an admin adds a branch with working hours and a pickup contact, archives it and deletes it", async ({ page }) => {
  const name = `Khobar ${test.info().project.name} ${Date.now()}`;
  await signIn(page, "admin@demo.test");
  await page.goto("/s/demo/settings/shipping");
  await page.getByRole("button", { name: "Add branch" }).click();
  const form = page.getByRole("form", { name: "Add branch" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("City").fill("الخبر");
  await form.getByLabel("Address", { exact: true }).fill("شارع الأمير تركي");
  await form.getByLabel("Pickup contact", { exact: true }).fill("Noura");
  await form.getByLabel("Pickup contact phone").fill("0551234567");
  await form.getByLabel("Pickup contact phone").press("Tab");
  await form.getByRole("checkbox", { name: "Fri" }).check();
  await form.getByLabel("Fri closes").selectOption("13:00");
  await form.getByLabel("Fri opens").selectOption("16:00");
  await form.getByRole("button", { name: "Save branch" }).click();
  await expect(form.getByText("must close after it opens")).toBeVisible();
  await form.getByLabel("Fri closes").selectOption("23:00");
  await form.getByRole("button", { name: "Save branch" }).click();

  const row = page.getByTestId("branch-row").filter({ hasText: name });
  await expect(row).toContainText("Fri 16:00–23:00");
  await expect(row).toContainText("Pickup contact: Noura");
  await expect(row.getByRole("link", { name: "+966551234567" })).toHaveAttribute("href", "tel:+966551234567");
  await row.getByRole("button", { name: "Archive" }).click();
  await expect(row).toContainText("Archived");
  page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("branch-row").filter({ hasText: name })).toHaveCount(0);
});

test("an owner edits a carrier's account and rate card; bad numbers are named; it is kept", async ({ page }) => {
  await signIn(page, "owner@second.test");
  await page.goto("/s/second/settings/shipping");
  const dhl = page.getByRole("form", { name: "DHL Express" });
  await expect(dhl.getByText("Drop-off at a carrier branch")).toBeVisible();
  await expect(dhl.getByText("Pickup from your branch")).toHaveCount(0);
  const account = `DHL-${Date.now()}`;
  await dhl.getByLabel("Your account number with the carrier").fill(account);
  await dhl.getByLabel("Volumetric divisor (cm³ per kg)").fill("12");
  await dhl.getByRole("button", { name: "Save" }).click();
  await expect(dhl.getByRole("alert")).toContainText("must be at least 1000");
  await dhl.getByLabel("Volumetric divisor (cm³ per kg)").fill("6000");
  await dhl.getByLabel("First kg (SAR)").fill("17.50");
  await dhl.getByRole("button", { name: "Save" }).click();
  await expect(dhl.getByRole("status")).toHaveText("Saved");
  await page.reload();
  const again = page.getByRole("form", { name: "DHL Express" });
  await expect(again.getByLabel("Your account number with the carrier")).toHaveValue(account);
  await expect(again.getByLabel("First kg (SAR)")).toHaveValue("17.50");
  await expect(again.getByLabel("Volumetric divisor (cm³ per kg)")).toHaveValue("6000");
});

test("a saved courier is picked by name when shipping with Execute Action", async ({ page, request }) => {
  const order = await placeDemoOrder(request);
  await request.post(`/api/v1/orders/${order.id}/transitions`, {
    headers: { authorization: "Bearer tj_demo_owner_token_0001" },
    data: { to: "in_progress", notifyCustomer: false },
  });
  await signIn(page, "staff@demo.test");
  await page.goto(`/s/demo/orders/${order.id}`);
  await page.getByRole("radio", { name: "Shipped" }).check();
  await expect(page.getByLabel("Courier", { exact: true })).toHaveValue(/.+/);
  await page.getByLabel("Courier", { exact: true }).selectOption({ label: "Mandoob Riyadh" });
  await expect(page.getByLabel("Courier name")).toHaveCount(0);
  await page.getByRole("button", { name: "Execute Action" }).first().click();
  await expect(page.locator("main").getByText("Shipped", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Tracking is not available for manually added couriers", { exact: false })).toBeVisible();
  await expect(page.getByText("Mandoob Riyadh").first()).toBeVisible();
});

test("request packaging materials: every required field checked, then the email in the template with mailto and copy", async ({ page }) => {
  await signIn(page, "owner@demo.test");
  await page.goto("/s/demo/settings/shipping");
  await page.getByRole("link", { name: "Request packaging materials" }).click();
  await page.getByLabel("Your Aramex account number").fill("");
  await page.getByLabel("Mobile").fill("12");
  await page.getByRole("button", { name: "Prepare the email" }).click();
  await expect(page.getByText("must not be empty").first()).toBeVisible();
  await expect(page.getByText("choose at least one size and how many")).toBeVisible();
  await page.getByLabel("Your Aramex account number").fill("ARX-77120");
  await page.getByLabel("Mobile").fill("0501234567");
  await page.getByLabel("Quantity of Flyer M (35 × 45)").fill("150");
  await page.getByRole("button", { name: "Prepare the email" }).click();
  await expect(page.getByTestId("packaging-subject")).toHaveText("Packaging Supplies Request – Account ARX-77120 – Partner 165623");
  await expect(page.getByTestId("packaging-body")).toContainText("Flyer M (35 × 45): 150");
  // The platform's account and the supplies address come from the installation; the merchant is not asked.
  await expect(page.getByLabel("Platform's Aramex account number")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Open in email app" })).toHaveAttribute("href", /^mailto:supplies%40example\.com\?subject=Packaging%20Supplies/);
});
