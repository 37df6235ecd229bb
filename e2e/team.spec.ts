import { expect, test } from "@playwright/test";
import { linkFromEmail, signIn } from "./helpers";

// The owner builds a team: an invitation by email, taken on a tablet by someone new who then sees only
// what staff may; removed, they are out at once; the owner reads all of it in the activity log.
test("the owner invites a staff member, who joins from the emailed link on a tablet, sees only what staff may, and is out once removed", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = `staff-${test.info().project.name}-${Date.now()}@example.com`;
  await signIn(page, "owner@demo.test");
  await page.goto("/s/demo/settings/team");
  await expect(page.getByRole("heading", { name: "Team", exact: true })).toBeVisible();
  await page.getByLabel("Email").fill("not-an-address");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.locator("#field-email-error")).toContainText("email");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("STAFF");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText("Invitation sent to");
  await expect(page.getByTestId("invitation").filter({ hasText: email })).toBeVisible();

  const { link, subject } = await linkFromEmail(request, email, "/join");
  // In the store's language (the demo store speaks Arabic): the invitee has no account, so no language of their own yet.
  expect(subject).toContain("دعاك");

  // The invitee, on a tablet, has no account yet: one is made from the link, already confirmed.
  const tablet = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
  await tablet.addCookies([{ name: "tajer-locale", value: "en", url: test.info().project.use.baseURL! }]);
  const staff = await tablet.newPage();
  await staff.goto(link);
  await expect(staff.getByRole("heading", { name: "Join the team" })).toBeVisible();
  await expect(staff.getByText(/invited you to join .* as a staff member/)).toBeVisible();
  await staff.getByLabel("Your name").fill("Sara Staff");
  await staff.getByLabel("Password", { exact: true }).fill("a-long-password-2");
  await staff.getByLabel("Password again").fill("a-long-password-2");
  await staff.getByRole("button", { name: "Create my account and join" }).click();
  await expect(staff).toHaveURL(/\/s\/demo\/orders/);
  // Staff see orders and customers, not the settings, the team or the API tokens.
  await expect(staff.locator("[data-live]")).toHaveAttribute("data-live", "connected");
  for (const path of ["settings/team", "settings/api-tokens", "settings/team/activity"]) {
    await staff.goto(`/s/demo/${path}`);
    await expect(staff.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
  // The link worked once.
  await staff.goto(link);
  await expect(staff.getByRole("heading", { name: "This invitation no longer works" })).toBeVisible();
  await staff.goto("/s/demo/orders");
  await expect(staff.locator("[data-live]")).toHaveAttribute("data-live", "connected");

  // The owner removes them: their open page learns it at once and shows they are no longer in the store.
  await page.reload();
  const row = page.getByTestId("member").filter({ hasText: email });
  await expect(row).toContainText("Staff");
  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("member").filter({ hasText: email })).toHaveCount(0);
  await expect(staff.getByRole("heading", { name: "Page not found" })).toBeVisible({ timeout: 15_000 });

  await page.getByRole("link", { name: "Activity log" }).click();
  const entries = page.getByTestId("audit-entry");
  await expect(entries.filter({ hasText: "removed" }).filter({ hasText: "Sara Staff" }).first()).toBeVisible();
  await expect(entries.filter({ hasText: "joined as Staff" }).filter({ hasText: email }).first()).toBeVisible();
  await expect(entries.filter({ hasText: "invited as Staff" }).filter({ hasText: email }).first()).toBeVisible();
  await tablet.close();
});
