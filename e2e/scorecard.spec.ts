import { expect, test, type APIRequestContext } from "@playwright/test";
import { placeDemoOrder, signIn } from "./helpers";

/** An order being prepared for `city`, whose checkout named no carrier the store ships with. */
async function packedOrderTo(request: APIRequestContext, city: string) {
  const order = await placeDemoOrder(request, { shipping: { city, address: "شارع الأمير سلطان 3", method: "Standard", fee: 2500 } });
  const moved = await request.post(`/api/v1/orders/${order.id}/transitions`, {
    headers: { authorization: "Bearer tj_demo_owner_token_0001" },
    data: { to: "in_progress", notifyCustomer: false },
  });
  expect(moved.status()).toBe(200);
  return order;
}

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

test("a store rule preselects the cheapest carrier that is fast enough and rated well enough; the scorecard reads in Arabic", async ({
  page,
  request,
}, info) => {
  // The rule is the store's: one project changes it, so that two runs at once do not undo each other.
  test.skip(info.project.name !== "desktop", "the store's rule is changed once");
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
