import { expect, test } from "@playwright/test";
import { consoleErrors, LARGE_TABLET, owner, violations } from "./a11y";
import { linkFromSms, placeDemoOrder } from "./helpers";

// The customer's pages, sign-in, sign-up and the email links' pages, and the 404, at every project's size (phone included), in both languages.
test("the customer's pages and sign-in: no serious or critical accessibility violation", async ({ page, request }) => {
  test.setTimeout(300_000);
  const phone = `+9665${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const order = await placeDemoOrder(request, { customer: { name: "Sara", phone } });
  await request.post(`/api/v1/orders/${order.id}/transitions`, { headers: owner, data: { to: "in_progress", notifyCustomer: true } });
  const orderUrl = await linkFromSms(request, phone, "/o/");
  const found: string[] = [];
  // The unknown link's 404 is the one error a browser may log.
  const errors = consoleErrors(page);
  for (const locale of ["ar", "en"]) {
    await page.context().addCookies([{ name: "tajer-locale", value: locale, url: test.info().project.use.baseURL! }]);
    // The tablet project also checks the large tablet's size.
    for (const viewport of test.info().project.name === "tablet" ? [page.viewportSize()!, LARGE_TABLET] : [page.viewportSize()!]) {
      await page.setViewportSize(viewport);
      for (const path of [
        orderUrl,
        "/signin",
        "/signup",
        "/forgot-password",
        `/reset-password?token=${"x".repeat(43)}`,
        `/verify-email?token=${"x".repeat(43)}`,
        `/join?store=${crypto.randomUUID()}&token=${"x".repeat(43)}`,
        `/o/${"a".repeat(64)}`,
      ]) {
        await page.goto(path);
        found.push(...(await violations(page, `${locale} ${viewport.width}px ${path.replace(/\/o\/[^/]+$/, "/o/…")}`)));
      }
    }
  }
  expect(found, found.join("\n")).toEqual([]);
  expect(
    errors.filter((e) => !/status of 404/.test(e)),
    errors.join("\n"),
  ).toEqual([]);
});
