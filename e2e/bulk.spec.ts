import { expect, test } from "@playwright/test";
import { placeDemoOrder, signIn } from "./helpers";

test("select orders in the list and move them together; the result says which moved and which did not", async ({ page, request }) => {
  const name = `Bulk ${test.info().project.name} ${Date.now()}`;
  const orders = [
    await placeDemoOrder(request, { customer: { name, phone: "+966533000001" } }),
    await placeDemoOrder(request, { customer: { name, phone: "+966533000001" } }),
  ];
  const refused = await placeDemoOrder(request, { customer: { name, phone: "+966533000001" } });
  await request.post(`/api/v1/orders/${refused.id}/transitions`, {
    headers: { authorization: "Bearer tj_demo_owner_token_0001" },
    data: { to: "canceled", notifyCustomer: false },
  });

  await signIn(page, "owner@demo.test");
  await page.goto(`/s/demo/orders?q=${encodeURIComponent(name)}`);
  for (const o of [...orders, refused]) await page.getByLabel(`Select order #${o.number}`).locator("visible=true").check();
  await expect(page.getByText("3 orders selected")).toBeVisible();
  await page.getByLabel("Move to").selectOption("in_progress");
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Execute Action" }).click();
  const result = page.getByRole("region", { name: "Bulk actions" }).getByRole("status");
  await expect(result).toContainText("2 orders moved, 1 refused.");
  await expect(result).toContainText(`#${refused.number}: An order that is Canceled cannot change status any more.`);
  await expect(page.locator("main").getByText("In Progress", { exact: true }).locator("visible=true")).toHaveCount(2);
});

test("the bulk bar offers only the moves the selection can make, and a move that nothing could make is not a success", async ({ page, request }) => {
  const name = `Bulk refused ${test.info().project.name} ${Date.now()}`;
  const received = await placeDemoOrder(request, { customer: { name, phone: "+966533000002" } });
  // No live stream: the list would show the cancel below at once, and the test is of the server's refusal.
  await page.route(/\/s\/demo\/live$/, (route) => route.abort());
  await signIn(page, "owner@demo.test");
  await page.goto(`/s/demo/orders?q=${encodeURIComponent(name)}`);
  await page.getByLabel(`Select order #${received.number}`).locator("visible=true").check();
  const moves = await page.getByLabel("Move to").locator("option").allTextContents();
  expect(moves).toEqual(["In Progress", "Canceled"]);
  // Someone else cancels it meanwhile: the move is refused, and said as a failure.
  await request.post(`/api/v1/orders/${received.id}/transitions`, {
    headers: { authorization: "Bearer tj_demo_owner_token_0001" },
    data: { to: "canceled", notifyCustomer: false },
  });
  await page.getByLabel("Move to").selectOption("in_progress");
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Execute Action" }).click();
  const alert = page.getByRole("region", { name: "Bulk actions" }).getByRole("alert");
  await expect(alert).toContainText("No order moved: 1 was refused.");
});

test("a move sent without a network says it was not sent and keeps the selection; sent again, it moves once", async ({ page, context, request }) => {
  const name = `Bulk offline ${test.info().project.name} ${Date.now()}`;
  const order = await placeDemoOrder(request, { customer: { name, phone: "+966533000003" } });
  await signIn(page, "owner@demo.test");
  await page.goto(`/s/demo/orders?q=${encodeURIComponent(name)}`);
  await page.getByLabel(`Select order #${order.number}`).locator("visible=true").check();
  await page.getByLabel("Move to").selectOption("in_progress");
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await context.setOffline(true);
  await bar.getByRole("button", { name: "Execute Action" }).click();
  await expect(bar.getByRole("alert")).toContainText("The selection was not sent");
  await expect(page.getByText("1 order selected")).toBeVisible();
  await context.setOffline(false);
  await bar.getByRole("button", { name: "Execute Action" }).click();
  await expect(bar.getByRole("status")).toContainText("1 order moved, none refused.");
  const events = await request.get(`/api/v1/orders/${order.id}`, { headers: { authorization: "Bearer tj_demo_owner_token_0001" } });
  expect((await events.json()).data.status).toBe("in_progress");
});
