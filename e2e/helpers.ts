import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo-password";

export async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/s\/[^/]+\/orders/);
}

/** The visible orders: table rows on a desktop, cards on a tablet. */
export function orderLinks(page: Page) {
  return page.locator("main").getByRole("link", { name: /^#\d+/ }).locator("visible=true");
}
