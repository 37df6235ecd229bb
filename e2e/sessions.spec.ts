import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("signing out ends the session for good: its cookie, replayed, is signed out too; cookies are httpOnly and SameSite", async ({ page, browser }) => {
  await signIn(page, "staff@demo.test");
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  // A second browser holding a copy of the cookie (as a thief would) is signed in…
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const other = await copy.newPage();
  await other.goto("/s/demo/orders");
  await expect(other).toHaveURL(/\/s\/demo\/orders/);

  // …until the owner of the session signs out: then the copy is signed out at once as well.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await other.goto("/s/demo/orders");
  await expect(other).toHaveURL(/\/signin/);
  await copy.close();
});

test("the account page names a wrong current password and a mismatched new one", async ({ page }) => {
  await signIn(page, "staff@demo.test");
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await page.getByLabel("Current password").fill("not-the-password");
  await page.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await page.getByLabel("New password again").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("main").getByText("is not your current password")).toBeVisible();
  await page.getByLabel("Current password").fill("demo-password");
  await page.getByLabel("New password again").fill("something-else-entirely");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("main").getByText("does not match the new password")).toBeVisible();
});
