import { expect, test } from "@playwright/test";
import { placeDemoOrder, signIn } from "./helpers";

// The owner's morning look: the business of a period against the one before, with charts, in the page's language.
test("the home page shows the store's business for a period, its charts and what sold most; an order placed now counts at once", async ({ page, request }) => {
  await signIn(page, "owner@demo.test");
  await page.goto("/s/demo?days=7");
  const orders = page.locator("dl > div").filter({ has: page.getByText("Orders", { exact: true }) });
  const before = Number((await orders.locator("dd").first().innerText()).replace(/\D/g, ""));
  await placeDemoOrder(request);
  await page.reload();
  // At least this one more (another test may place an order in the same moment).
  await expect.poll(async () => Number((await orders.locator("dd").first().innerText()).replace(/\D/g, ""))).toBeGreaterThanOrEqual(before + 1);
  await expect(page.getByRole("img", { name: /orders from .* per day, by status/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Revenue .* per day$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What sold most" })).toBeVisible();
  await expect(page.getByText(/compared with/)).toBeVisible();
  // Another period by its dates: the words say which, and the charts follow.
  await page.getByRole("link", { name: "Last 90 days" }).click();
  await expect(page).toHaveURL(/days=90/);
  await expect(page.getByRole("img", { name: /orders from .* per day, by status/ })).toBeVisible();
  // The home is in the navigation, and marked when open.
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
});
