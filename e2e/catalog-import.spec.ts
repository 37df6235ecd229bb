import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const csv = (lines: string[][]) => Buffer.from(`\uFEFF${lines.map((l) => l.join(",")).join("\r\n")}\r\n`, "utf8");

test("an owner imports products and stock: problems are shown per row in either language and nothing changes, then the fixed file is applied whole", async ({
  page,
}, info) => {
  // Each project its own SKUs: the two runs share the demo store.
  const tag = `${info.project.name}-${Date.now().toString(36)}`.toUpperCase();
  const mug = `E2E-MUG-${tag}`;
  await signIn(page, "owner@demo.test");
  await page.goto("/s/demo/products");
  await expect(page.getByRole("heading", { name: "Products", level: 1 })).toBeVisible();

  // The template is the catalog itself, headed in the reader's language.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).first().click()]);
  const template = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(template).toString("utf8")).toMatch(/^\uFEFF"SKU","Product","Option","Price","Weight \(g\)".*"Stock: Riyadh main warehouse"/);

  await page.getByRole("link", { name: "Import products and stock" }).click();
  const header = ["SKU", "Product", "Option", "Price", "Weight (g)", "Stock: Riyadh main warehouse", "Stock: Jeddah branch"];
  await page.getByLabel("File").setInputFiles({
    name: "mugs.csv",
    mimeType: "text/csv",
    buffer: csv([header, [`${mug}-W`, `Mug ${tag}`, "White", '"12,5"', "300", "4", ""], [`${mug}-B`, `Mug ${tag}`, "Black", "14", "", "x", ""]]),
  });
  await page.getByRole("button", { name: "Read the file" }).click();
  await expect(page.getByRole("heading", { name: "3 problems: nothing will change" })).toBeVisible();
  const problems = page.getByRole("table");
  await expect(problems.getByRole("row").nth(1)).toContainText("Use a point for decimals, like 149.50.");
  await expect(problems.getByRole("row").nth(2)).toContainText(/3\s*Weight \(g\)\s*Required for a new SKU\./);
  await expect(problems.getByRole("row").nth(3)).toContainText("Not a whole number of 0 or more.");
  await expect(page.getByRole("button", { name: "Apply the import" })).toHaveCount(0);

  // The same problems in Arabic.
  await page.context().addCookies([{ name: "tajer-locale", value: "ar", url: info.project.use.baseURL! }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "3 مشكلات: لن يتغير شيء" })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("استخدم النقطة للكسور، هكذا 149.50.");
  await page.context().addCookies([{ name: "tajer-locale", value: "en", url: info.project.use.baseURL! }]);

  await page.goto("/s/demo/products/import");
  await page.getByLabel("File").setInputFiles({
    name: "mugs-fixed.csv",
    mimeType: "text/csv",
    buffer: csv([header, [`${mug}-W`, `Mug ${tag}`, "White", "12.50", "300", "4", ""], [`${mug}-B`, `Mug ${tag}`, "Black", "14", "320", "", "6"]]),
  });
  await page.getByRole("button", { name: "Read the file" }).click();
  await expect(page.getByRole("heading", { name: "New variants" })).toBeVisible();
  const summary = page.locator("dl").first();
  await expect(summary).toContainText(/New products\s*1/);
  await expect(summary).toContainText(/New variants\s*2/);
  await expect(summary).toContainText(/Stock changes\s*2/);
  await page.getByRole("button", { name: "Apply the import" }).click();
  await expect(page.getByRole("status")).toContainText("Applied.");
  await expect(page.getByRole("button", { name: "Apply the import" })).toHaveCount(0);

  await page.getByRole("link", { name: "See the products" }).click();
  await page.getByRole("searchbox").fill(mug);
  await page.getByRole("button", { name: "Search" }).click();
  const product = page.getByRole("listitem").filter({ hasText: `Mug ${tag}` });
  await expect(product).toContainText("2 variants");
  await expect(product.getByRole("row").filter({ hasText: `${mug}-W` })).toContainText(/Riyadh main warehouse:\s*4/);
  await expect(product.getByRole("row").filter({ hasText: `${mug}-B` })).toContainText(/Jeddah branch:\s*6/);
});
