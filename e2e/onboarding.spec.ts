import { expect, test } from "@playwright/test";
import { linkFromEmail, mailTo } from "./helpers";

// A merchant on their own: sign up, confirm the address from the email, open a store, see its first
// steps tick themselves; then forget the password and set a new one from the emailed link.
test("a new merchant signs up, confirms the email, opens a store and follows its first steps", async ({ page, request }) => {
  test.setTimeout(120_000);
  const email = `merchant-${test.info().project.name}-${Date.now()}@example.com`;
  const password = "a-long-password-1";
  await page.context().addCookies([{ name: "tajer-locale", value: "en", url: test.info().project.use.baseURL! }]);
  await page.goto("/signin");
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { name: "Create your Tajer account" })).toBeVisible();
  await page.getByLabel("Your name").fill("Huda Al-Harbi");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Password again").fill("not-the-same-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#field-confirmPassword-error")).toHaveText("does not match the password");
  // What was typed is kept for the next try.
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Password again").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");

  const first = await linkFromEmail(request, email, "/verify-email");
  expect(first.subject).toBe("Confirm your email for Tajer");
  // Signed in before confirming: no store yet, but a new link on request; the first one stops working.
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Confirm your email address to open a store" })).toBeVisible();
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(page.getByRole("status")).toContainText("A new link is on its way");
  await expect.poll(async () => (await mailTo(request, email)).length).toBe(2);
  await page.goto(first.link);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByText("This link has expired or was already used")).toBeVisible();
  await expect(page.getByRole("link", { name: "Get a new link" })).toBeVisible();
  const { link } = await linkFromEmail(request, email, "/verify-email");
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page).toHaveURL(/\/stores\/new$/);

  const slug = `huda-${Date.now().toString(36)}`;
  await page.getByLabel("Store name").fill("Huda Perfumes");
  await page.getByLabel("Store address").fill("admin");
  await page.getByLabel("Currency").selectOption("SAR");
  await page.getByRole("button", { name: "Open the store" }).click();
  await expect(page.locator("#field-slug-error")).toHaveText("is a word Tajer keeps for itself");
  await page.getByLabel("Store address").fill(slug);
  await page.getByRole("button", { name: "Open the store" }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${slug}$`));
  await expect(page.getByRole("heading", { name: /^Welcome to \u2068?Huda Perfumes\u2069?$/ })).toBeVisible();
  await expect(page.getByText("0 of 6 done").first()).toBeVisible();

  // A step ticks itself once done: an API token for the storefront.
  await page.getByRole("link", { name: /Create an API token for your storefront/ }).click();
  await page.getByLabel("Name").fill("Storefront");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText(/^tj_/).first()).toBeVisible();
  await page.goto(`/s/${slug}`);
  await expect(page.getByText("1 of 6 done").first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Create an API token for your storefront — done/ })).toBeVisible();
  // The new store's pages work while it is empty.
  for (const path of ["orders", "customers", "wallet", "reviews", "settings/shipping", "settings/sms"]) {
    const response = await page.goto(`/s/${slug}/${path}`);
    expect(response?.status(), path).toBe(200);
  }
});

test("a forgotten password: the same answer for any address, a link for the one with an account, and the old password stops working", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  await page.context().addCookies([{ name: "tajer-locale", value: "en", url: test.info().project.use.baseURL! }]);
  const email = `reset-${test.info().project.name}-${Date.now()}@example.com`;
  // An account to forget the password of.
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Fahad");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("first-long-password");
  await page.getByLabel("Password again").fill("first-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.goto((await linkFromEmail(request, email, "/verify-email")).link);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page).toHaveURL(/\/stores\/new$/);

  const other = await (await browser.newContext()).newPage();
  await other.context().addCookies([{ name: "tajer-locale", value: "en", url: test.info().project.use.baseURL! }]);
  await other.goto("/signin");
  await other.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(other.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  const nobody = `nobody-${Date.now()}@example.com`;
  await other.getByLabel("Email").fill(nobody);
  await other.getByRole("button", { name: "Send the link" }).click();
  await expect(other.getByRole("status")).toBeVisible();
  const answer = await other.getByRole("status").textContent();
  await other.goto("/forgot-password");
  await other.getByLabel("Email").fill(email);
  await other.getByRole("button", { name: "Send the link" }).click();
  await expect(other.getByRole("status")).toHaveText(answer!.replace(nobody, email));
  const { link } = await linkFromEmail(request, email, "/reset-password");
  expect(await mailTo(request, nobody)).toEqual([]);

  await other.goto(link);
  await other.getByLabel("New password", { exact: true }).fill("second-long-password");
  await other.getByLabel("New password again").fill("second-long-password");
  await other.getByRole("button", { name: "Save and sign in" }).click();
  await expect(other).toHaveURL(/\/stores\/new$/);
  // The browser signed in before is signed out; the link does not work twice.
  await page.reload();
  await expect(page).toHaveURL(/\/signin/);
  await other.goto(link);
  await expect(other.locator("main").getByRole("alert")).toContainText("This link has expired or was already used.");
  // The old password no longer opens the account; the new one does.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("first-long-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is not correct.");
  await page.getByLabel("Password").fill("second-long-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/stores\/new$/);
});
