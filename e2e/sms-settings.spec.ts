import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

test("an admin sets the sender name and a template with a live preview, and a bad sender name is named", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "SMS to customers" })).toBeVisible();

  await page.getByLabel("Sender name", { exact: true }).fill("Demo Store!");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Up to 11 English letters, digits or spaces, with at least one letter.")).toHaveClass(/text-red-700/);

  await page.getByLabel("Sender name", { exact: true }).fill("DemoStore");
  const english = page.locator("section").filter({ hasText: "Message templates" }).getByRole("textbox").nth(1);
  await english.fill("Hi {customer_name}, order {order_number}: {status}");
  await expect(page.getByText("Hi Sara, order #1042: Shipped")).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Sender name", { exact: true })).toHaveValue("DemoStore");
  await expect(english).toHaveValue("Hi {customer_name}, order {order_number}: {status}");
});
