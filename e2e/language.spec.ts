import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("switching to Arabic lays the list out right-to-left, and back", async ({ page }) => {
  await signIn(page, "owner@demo.test");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await page.getByRole("button", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { name: "الطلبات" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^قيد التنفيذ/ })).toBeVisible();
  // Right-to-left for real: the store name sits at the right edge, the language switch at the left.
  const brand = await page.getByRole("link", { name: "Demo Store" }).boundingBox();
  const viewport = page.viewportSize()!;
  expect(brand!.x + brand!.width).toBeGreaterThan(viewport.width / 2);
  // The choice survives a reload.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});

test("the language switch works before the page's scripts have loaded (a plain form post)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await context.addCookies([{ name: "tajer-locale", value: "en", url: "http://127.0.0.1" }]);
  await page.goto("/signin");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.goto("/signin");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await context.close();
});
