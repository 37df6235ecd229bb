import { expect, test } from "@playwright/test";
import { packedOrderTo, signIn } from "./helpers";

// The demo store's history: SMSA has delivered to Jeddah often and fast; AyMakan and Aramex too rarely to judge.
test("the label form ranks the carriers for the order's city on the store's deliveries there, and says where data is thin", async ({ page, request }) => {
  const order = await packedOrderTo(request, "جده");
  await signIn(page, "admin@demo.test");
  await page.goto(`/s/demo/orders/${order.id}`);
  const form = page.getByRole("form", { name: "Issue Shipping Label" });
  await expect(form.getByText("Ranked for Jeddah on the last 180 days of labels")).toBeVisible();
  const cards = form.getByTestId("carrier-ranking").locator("label");
  await expect(cards.first()).toHaveAttribute("data-carrier", "smsa");
  await expect(cards.first()).toContainText(/\d(\.\d)? days to Jeddah, .*SAR/);
  await expect(cards.first()).toContainText("Fastest");
  for (const thin of ["aramex", "aymakan"])
    await expect(form.locator(`[data-carrier="${thin}"]`)).toContainText(/Too few deliveries to Jeddah to judge \(\d of 10\)/);
  // The scorecard behind it, for those who read reports.
  await form.getByRole("link", { name: "Carrier scorecard" }).click();
  await expect(page.getByRole("heading", { name: "Carrier scorecard", level: 1 })).toBeVisible();
  const jeddah = page.locator('table[data-city="jeddah"]');
  await expect(jeddah.locator('tr[data-carrier="smsa"]')).toContainText(/\d+ d/);
  await expect(jeddah.locator('tr[data-carrier="aramex"]')).toContainText("Too few deliveries to judge");
});
