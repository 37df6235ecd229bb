import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// The browser's own language is English: a native date input would say "mm/dd/yyyy" on the Arabic page.
test.use({ locale: "en-US" });

test("the orders list's date filter speaks the page's language, right to left in Arabic, and filters by the day picked", async ({ page }) => {
  await signIn(page, "owner@demo.test");
  await page.context().addCookies([{ name: "tajer-locale", value: "ar", url: test.info().project.use.baseURL! }]);
  await page.goto("/s/demo/orders");
  const from = page.getByRole("button", { name: /^من: / });
  await expect(from).toHaveText("أي تاريخ");
  await from.click();
  const calendar = page.getByRole("dialog", { name: "من" });
  const now = new Date();
  const month = new Intl.DateTimeFormat("ar-SA-u-ca-gregory-nu-latn", { month: "long", year: "numeric" }).format(now);
  await expect(calendar.getByRole("grid", { name: month })).toBeVisible();
  // The first day of the month, then one day on with the arrow that points forward in Arabic (left).
  const first = new Date(Date.UTC(now.getFullYear(), now.getMonth(), 1));
  const fullDay = new Intl.DateTimeFormat("ar-SA-u-ca-gregory-nu-latn", { dateStyle: "full", timeZone: "UTC" });
  await calendar.getByRole("button", { name: fullDay.format(first), exact: true }).click();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  // The button's name holds the words it shows (what a voice user says), after the field's name.
  const mediumDay = new Intl.DateTimeFormat("ar-SA-u-ca-gregory-nu-latn", { dateStyle: "medium", timeZone: "UTC" });
  await expect(from).toHaveAccessibleName(`من: ${mediumDay.format(first)}`);
  await expect(from).toHaveText(mediumDay.format(first));
  await from.click();
  await expect(calendar.getByRole("button", { name: fullDay.format(first), exact: true })).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  const second = new Date(first.getTime() + 86_400_000);
  await expect(calendar.getByRole("button", { name: fullDay.format(second), exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(calendar).toBeHidden();
  // Every digit on the field and in the calendar is Western (the one digit policy), never Arabic-Indic.
  expect(await from.textContent()).not.toMatch(/[\u0660-\u0669]/);

  await page.getByRole("button", { name: "تطبيق" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]from=${iso(second)}`));
  await expect(page.getByRole("button", { name: /^من: / })).toHaveAccessibleName(`من: ${mediumDay.format(second)}`);
  // Cleared, the filter goes with it. (After the applied filter's page load, the field answers clicks once its
  // script has run: the calendar opening is the sign, as it would be for a person.)
  await expect(async () => {
    await page.getByRole("button", { name: /^من: / }).click();
    await expect(page.getByRole("dialog", { name: "من" })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "امسح من" }).click();
  await expect(page.getByRole("button", { name: /^من: / })).toHaveText("أي تاريخ");
  await page.getByRole("button", { name: "تطبيق" }).click();
  await expect(page).not.toHaveURL(/from=2/);
});
