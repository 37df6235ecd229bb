import { expect, test } from "@playwright/test";
import { openNotifications, placeDemoOrder, signIn } from "./helpers";

test("staff see a new order's notification and the order itself appear live, without reloading", async ({ page, request }) => {
  await signIn(page, "staff@demo.test");
  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  const before = Number((await bell.getAttribute("aria-label"))!.match(/(\d+) unread/)![1]);
  // The live stream is connected before the order arrives.
  await expect(page.locator("[data-live]")).toHaveAttribute("data-live", "connected");
  const name = `Live ${test.info().project.name} ${Date.now()}`;
  const order = await placeDemoOrder(request, { customer: { name, phone: "+966599000111" } });

  // Another worker may place orders in the same store meanwhile: the count grows by at least one.
  const unread = async () => Number((await bell.getAttribute("aria-label"))?.match(/(\d+) unread/)?.[1] ?? 0);
  await expect.poll(unread, { timeout: 10_000 }).toBeGreaterThan(before);
  await expect(page.locator("main").getByText(name).locator("visible=true")).toBeVisible({ timeout: 10_000 });
  await (await openNotifications(page)).getByRole("link", { name: `New order \u2068#${order.number}\u2069 from \u2068${name}\u2069` }).click();
  await expect(page.getByRole("heading", { name: `Order #${order.number}` })).toBeVisible();
});

test("a comment mentioning a colleague and an assignment reach them", async ({ page, browser, request }) => {
  const order = await placeDemoOrder(request);
  await signIn(page, "owner@demo.test");
  await page.goto(`/s/demo/orders/${order.id}`);
  await page.getByLabel("Write a comment").fill("Please call the customer before packing ");
  await page.getByRole("button", { name: "@Sara" }).click();
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Please call the customer before packing @Sara")).toBeVisible();
  await page.getByLabel("Assignee").selectOption({ label: "Sara Al-Qahtani" });
  await expect(page.getByText("Assigned to \u2068Sara Al-Qahtani\u2069")).toBeVisible();

  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "staff@demo.test");
  const dialog = await openNotifications(staff);
  await expect(dialog.getByText(`\u2068Noura Al-Otaibi\u2069 mentioned you on order \u2068#${order.number}\u2069`)).toBeVisible();
  await expect(dialog.getByText(`\u2068Noura Al-Otaibi\u2069 assigned order \u2068#${order.number}\u2069 to you`)).toBeVisible();
  await staff.goto("/s/demo/orders?assignee=me");
  await expect(
    staff
      .locator("main")
      .getByRole("link", { name: new RegExp(`^#${order.number}`) })
      .locator("visible=true"),
  ).toBeVisible();
  await staff.context().close();
});
