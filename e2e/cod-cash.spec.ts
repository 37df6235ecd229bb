import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { violations } from "./a11y";

// The cash trail per carrier on the demo store: a carrier's statement file uploaded → its mismatches listed
// → the short one settled with a note; the same file again changes nothing. Each size takes a carrier of
// its own (they run at once), the desk in English, the tablet and the phone in Arabic.
const BY_PROJECT: Record<string, { carrier: string; name: string; columns: [string, string]; locale: "en" | "ar" }> = {
  desktop: { carrier: "aramex", name: "Aramex", columns: ["AWB Number", "COD Amount"], locale: "en" },
  tablet: { carrier: "smsa", name: "SMSA Express", columns: ["AWB No", "COD Value"], locale: "ar" },
  phone: { carrier: "aymakan", name: "AyMakan", columns: ["Tracking Number", "COD Collected"], locale: "ar" },
};

/** The export's rows (its own CSV: a BOM, text cells quoted, no commas inside these columns). */
function rows(csv: string) {
  return csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(",").map((cell) => cell.replace(/^"(.*)"$/, "$1")));
}

test("a carrier's statement uploaded: lines matched, mismatches listed and the short one settled; the same file again changes nothing", async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  const project = BY_PROJECT[info.project.name];
  await signIn(page, "owner@demo.test");

  // Two parcels of this carrier that it has not paid for yet, from the page's own export (read in English).
  const exported = await page.request.get("/s/demo/cod/export");
  expect(exported.status()).toBe(200);
  const awaiting = rows(await exported.text()).filter((r) => r[1] === project.name && Number(r[6]) === 0 && Number(r[8]) > 0);
  expect(awaiting.length).toBeGreaterThanOrEqual(2);
  const [exact, short] = awaiting;
  const reference = `E2E-${project.carrier.toUpperCase()}-${Date.now()}`;
  const unknown = `E2E${Date.now()}`;
  const shortBy = 5;
  const lines = [
    [exact[2], Number(exact[4]).toFixed(2)],
    [short[2], (Number(short[4]) - shortBy).toFixed(2)],
    [unknown, "12.00"],
  ];
  const total = lines.reduce((n, l) => n + Math.round(Number(l[1]) * 100), 0) / 100;
  const file = [project.columns.join(","), ...lines.map((l) => l.join(",")), `Total,${total.toFixed(2)}`].join("\r\n");

  await page.context().addCookies([{ name: "tajer-locale", value: project.locale, url: "http://127.0.0.1" }]);
  const ar = project.locale === "ar";
  await page.goto("/s/demo/cod");
  const upload = page.getByRole("form", { name: ar ? "رفع كشف" : "Upload a statement" });
  await upload.getByLabel(ar ? "شركة الشحن" : "Carrier", { exact: true }).selectOption(project.carrier);
  await upload.locator('input[type="file"]').setInputFiles({ name: `${project.carrier}-statement.csv`, mimeType: "text/csv", buffer: Buffer.from(file) });
  await upload.getByRole("textbox", { name: ar ? /^رقم الكشف/ : /^Statement number/ }).fill(reference);
  await upload.getByRole("button", { name: ar ? "سجّل الكشف" : "Record the statement" }).click();

  // Recorded: three lines, two of them mismatches; each line as it matched.
  await expect(page.getByTestId("cod-recorded")).toContainText(reference);
  await expect(page.getByTestId("cod-recorded")).toContainText(ar ? "3 أسطر" : "3 lines");
  const outcomes = page.getByTestId("cod-lines").locator("tbody tr");
  await expect(outcomes).toHaveCount(3);
  await expect(outcomes.nth(0)).toContainText(ar ? "مطابق" : "Matched");
  await expect(outcomes.nth(1)).toContainText(ar ? "دُفع أقل" : "Paid short");
  await expect(outcomes.nth(2)).toContainText(ar ? "رقم تتبع غير معروف" : "Unknown tracking number");

  // The mismatches, each with its order (or none) and what it is.
  const shortItem = page.getByTestId("cod-mismatch").filter({ hasText: short[2] });
  await expect(shortItem).toHaveAttribute("data-kind", "short");
  await expect(shortItem).toContainText(short[0]);
  await expect(page.getByTestId("cod-mismatch").filter({ hasText: unknown })).toHaveAttribute("data-kind", "unknown");
  if (info.project.name === "desktop") expect(await violations(page, "cod (en)", { contrast: false })).toEqual([]);

  // Settled with a note: the difference is closed by an entry, and the mismatch leaves the list.
  await shortItem.getByRole("button", { name: ar ? "تسوية" : "Settle" }).click();
  await shortItem
    .getByLabel(ar ? "ما اتُّفق عليه (يُحفظ مع القيد)" : "What was agreed (kept with the entry)")
    .fill(ar ? "رسوم التحصيل حسب العقد" : "COD fee per contract");
  await shortItem.getByRole("button", { name: ar ? "سوِّ الفرق" : "Settle it" }).click();
  await expect(page.getByTestId("cod-mismatch").filter({ hasText: short[2] })).toHaveCount(0);

  // The order's timeline tells the cash's story.
  await page.getByTestId("cod-lines").getByRole("link", { name: short[0] }).click();
  await expect(page.getByText(ar ? "سُوّي فرق المبلغ" : "Cash difference settled", { exact: false })).toBeVisible();

  // The same file again: nothing changes, and the page says so.
  await page.goto("/s/demo/cod");
  const again = page.getByRole("form", { name: ar ? "رفع كشف" : "Upload a statement" });
  await again.getByLabel(ar ? "شركة الشحن" : "Carrier", { exact: true }).selectOption(project.carrier);
  await again.locator('input[type="file"]').setInputFiles({ name: `${project.carrier}-statement (1).csv`, mimeType: "text/csv", buffer: Buffer.from(file) });
  await again.getByRole("textbox", { name: ar ? /^رقم الكشف/ : /^Statement number/ }).fill(reference);
  await again.getByRole("button", { name: ar ? "سجّل الكشف" : "Record the statement" }).click();
  await expect(page.getByTestId("cod-recorded")).toContainText(ar ? "لم يتغير شيء" : "nothing changed");

  // A file whose lines do not add up to its total is refused with the difference.
  const wrong = [project.columns.join(","), `${exact[2]},1.00`, "Total,2.00"].join("\r\n");
  await again.locator('input[type="file"]').setInputFiles({ name: "wrong.csv", mimeType: "text/csv", buffer: Buffer.from(wrong) });
  await again.getByRole("textbox", { name: ar ? /^رقم الكشف/ : /^Statement number/ }).fill(`${reference}-X`);
  await again.getByRole("button", { name: ar ? "سجّل الكشف" : "Record the statement" }).click();
  await expect(page.getByTestId("cod-upload-error")).toContainText(ar ? "الفرق" : "a difference of");
});
