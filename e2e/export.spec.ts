import { expect, test } from "@playwright/test";
import { placeDemoOrder, signIn } from "./helpers";

// The orders of the current filter as a spreadsheet: the page reads the download as it streams and saves it.
test("the owner exports the filtered orders as CSV with the columns chosen, in the page's language", async ({ page, request }) => {
  const order = await placeDemoOrder(request, { customer: { name: "مها العتيبي", phone: "+966533000222" } });
  await signIn(page, "owner@demo.test");
  await page.goto(`/s/demo/orders?q=${encodeURIComponent("مها العتيبي")}`);
  await page.getByText("Export", { exact: true }).click();
  const columns = page.getByRole("group", { name: "Columns" });
  await columns.getByLabel("Tags").uncheck();
  await columns.getByLabel("Email").check();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^orders-demo-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await (await file.createReadStream()).toArray()).map((b: Buffer) => b.toString("utf8")).join("");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...rows] = text.slice(1).trimEnd().split("\r\n");
  expect(header).toContain('"Customer","Phone","Email"');
  expect(header).not.toContain("Tags");
  expect(rows.length).toBeGreaterThanOrEqual(1);
  expect(rows.every((r) => r.includes("مها العتيبي"))).toBe(true);
  expect(rows.some((r) => r.startsWith(`"#${order.number}"`))).toBe(true);
});

test("an export prepared in the background shows its progress, rings the bell when ready, and downloads from Your exports", async ({ page, request }) => {
  const name = `ريم ${Date.now().toString(36)}`;
  const order = await placeDemoOrder(request, { customer: { name, phone: "+966533000333" } });
  await signIn(page, "owner@demo.test");
  await page.goto(`/s/demo/orders?q=${encodeURIComponent(name)}`);
  await page.getByText("Export", { exact: true }).click();
  await page.getByRole("button", { name: "Prepare in the background" }).click();
  await expect(page).toHaveURL(/\/s\/demo\/orders\/exports\?id=[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Your exports", level: 1 })).toBeVisible();
  // The page reads itself again while the worker prepares the file.
  const id = new URL(page.url()).searchParams.get("id")!;
  const ready = page.locator(`li[data-export-id="${id}"]`);
  await expect(ready).toHaveAttribute("data-status", "READY", { timeout: 30_000 });
  await expect(ready).toContainText("1 order");
  const download = page.waitForEvent("download");
  await ready.getByRole("link", { name: "Download" }).click();
  const text = (await (await (await download).createReadStream()).toArray()).map((b: Buffer) => b.toString("utf8")).join("");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain(`"#${order.number}"`);
  expect(text).toContain(name);
  // The bell said so.
  await page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
  await expect(page.getByRole("link", { name: /Your export of \d+ orders? is ready to download\./ }).first()).toBeVisible();
});
