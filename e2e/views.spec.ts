import { expect, test } from "@playwright/test";
import { hydrated, orderLinks, signIn } from "./helpers";

test("sort the orders, choose the columns, save it all as a view, open it from its tab, delete it", async ({ page }) => {
  await signIn(page, "owner@demo.test");
  await page.goto("/s/demo/orders");
  const filters = page.getByRole("search", { name: "Filters" });
  await filters.getByLabel("Payment method").selectOption({ label: "Cash on delivery" });
  await filters.getByLabel("Sort by").selectOption({ label: "Highest total" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/sort=total_high/);
  // The filters are a plain form (a page load); the columns menu below is the script's.
  await hydrated(page);
  // Highest total first: the amounts go down the page.
  const amounts = await orderLinks(page).evaluateAll((links) =>
    links.slice(0, 6).map((a) => Number((a.textContent ?? "").match(/SAR\s?([\d,]+\.\d\d)/)?.[1].replace(/,/g, "") ?? "NaN")),
  );
  expect(amounts.length).toBeGreaterThan(2);
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));

  // Columns: without the payment method, with the city.
  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByRole("checkbox", { name: "Payment", exact: true }).uncheck();
  await expect(page).toHaveURL(/cols=date%2Ccustomer%2Citems%2Ctotal%2Cstatus%2Ctags|cols=date,customer,items,total,status,tags/);
  await page.getByRole("checkbox", { name: "City", exact: true }).check();
  await expect(page).toHaveURL(/city/);
  await expect(orderLinks(page).first()).not.toContainText("Cash on delivery");
  // The menu closes when the page is touched elsewhere.
  await page.getByRole("heading", { name: "Orders", level: 1 }).click();
  await expect(page.getByRole("checkbox", { name: "City", exact: true })).toBeHidden();

  // Saved as a view of one's own: a tab that brings it all back.
  const name = `Big COD ${Math.random().toString(36).slice(2, 7)}`;
  await page.getByRole("button", { name: "Save view" }).click();
  const form = page.getByRole("form", { name: "Save view" });
  await form.getByLabel("View name").fill(name);
  await form.getByRole("button", { name: "Save", exact: true }).click();
  const views = page.getByRole("navigation", { name: "Views" });
  await expect(views.getByRole("link", { name })).toHaveAttribute("aria-current", "page");
  await views.getByRole("link", { name: "All orders" }).click();
  await expect(page).not.toHaveURL(/sort=/);
  await views.getByRole("link", { name }).click();
  await expect(page).toHaveURL(/sort=total_high/);
  await expect(page).toHaveURL(/paymentMethod=cash_on_delivery/);
  await expect(filters.getByLabel("Sort by")).toHaveValue("total_high");

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Delete view" }).click();
  await expect(views.getByRole("link", { name })).toHaveCount(0);
});
