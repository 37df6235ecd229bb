import { expect, test } from "@playwright/test";
import { placeDemoOrder, signIn } from "./helpers";

test("staff tag an order on its page, see it on the timeline, and filter the list by it", async ({ page, request }) => {
  const order = await placeDemoOrder(request);
  const tag = `gift-${test.info().project.name}-${Date.now() % 100000}`;
  await signIn(page, "staff@demo.test");
  await page.goto(`/s/demo/orders/${order.id}`);
  await page.getByLabel("Add a tag").fill(tag.toUpperCase());
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("list", { name: "Tags of this order" }).getByText(tag)).toBeVisible();
  await expect(page.getByText(`Tags added: \u2068${tag}\u2069`)).toBeVisible();

  await page.goto(`/s/demo/orders?tag=${tag}`);
  await expect(
    page
      .locator("main")
      .getByRole("link", { name: new RegExp(`^#${order.number}`) })
      .locator("visible=true"),
  ).toHaveCount(1);
  await expect(page.locator("main").getByRole("link", { name: /^#\d+/ }).locator("visible=true")).toHaveCount(1);

  await page.goto(`/s/demo/orders/${order.id}`);
  await page.getByRole("button", { name: `Remove tag ${tag}` }).click();
  await expect(page.getByText(`Tags removed: \u2068${tag}\u2069`)).toBeVisible();
});
