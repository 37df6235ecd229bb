import { expect, test } from "@playwright/test";
import { packedOrderTo, signIn } from "./helpers";

// The rule is the demo store's own setting: this file runs in one project only (playwright.config.ts), so two
// runs at once never undo each other's rule.
test("a store rule preselects the cheapest carrier that is fast enough and rated well enough; the scorecard reads in Arabic", async ({
  page,
  request,
}, info) => {
  await signIn(page, "owner@demo.test");
  await page.goto("/s/demo/settings/shipping");
  await page.getByRole("link", { name: "Carrier scorecard" }).click();
  const choice = page.getByRole("form", { name: "Choosing a carrier" });
  await choice.getByRole("checkbox", { name: "Preselect the cheapest carrier that meets a rule" }).check();
  await choice.getByLabel("Rated at least (★)").fill("9");
  await choice.getByRole("button", { name: "Save" }).click();
  await expect(choice.getByRole("alert").first()).toContainText("5");
  await choice.getByLabel("Delivers in at most (days, median)").fill("4");
  await choice.getByLabel("Rated at least (★)").fill("3");
  await choice.getByRole("button", { name: "Save" }).click();
  await expect(choice.getByRole("status")).toHaveText("Saved.");
  try {
    // To Al Khobar, AyMakan is the fastest but has too few ratings; Aramex and SMSA meet the rule.
    const order = await packedOrderTo(request, "Al Khobar");
    await page.goto(`/s/demo/orders/${order.id}`);
    const form = page.getByRole("form", { name: "Issue Shipping Label" });
    const picked = form.locator("label").filter({ hasText: "Preselected by the store's rule" });
    await expect(picked).toHaveCount(1);
    await expect(picked.getByRole("radio")).toBeChecked();
    expect(["aramex", "smsa"]).toContain(await picked.getAttribute("data-carrier"));
    await expect(form.getByTestId("carrier-ranking").locator("label").first()).toHaveAttribute("data-carrier", (await picked.getAttribute("data-carrier"))!);
    await expect(form.locator('[data-carrier="aymakan"]')).toContainText(/Too few ratings to know \(\d of 5\)/);

    // The scorecard in Arabic: city and carrier names in the reader's language.
    await page.context().addCookies([{ name: "tajer-locale", value: "ar", url: info.project.use.baseURL! }]);
    await page.goto("/s/demo/settings/shipping/scorecard?days=90&city=khobar");
    await expect(page.getByRole("heading", { name: "أداء شركات الشحن", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: /الخبر/ })).toBeVisible();
    await expect(page.locator('table[data-city="khobar"] tr[data-carrier="aymakan"]')).toContainText("أي مكان");
  } finally {
    await page.context().addCookies([{ name: "tajer-locale", value: "en", url: info.project.use.baseURL! }]);
    await page.goto("/s/demo/settings/shipping/scorecard");
    const again = page.getByRole("form", { name: "Choosing a carrier" });
    await again.getByRole("checkbox", { name: "Preselect the cheapest carrier that meets a rule" }).uncheck();
    await again.getByRole("button", { name: "Save" }).click();
    await expect(again.getByRole("status")).toHaveText("Saved.");
  }
});
