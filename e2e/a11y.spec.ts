import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { linkFromSms, placeDemoOrder, signIn } from "./helpers";

// The accessibility gate: every dashboard page and the customer's pages, in both languages, at the
// project's size (desktop 1280, tablet 768 — and 1024×1366 on the tablet project too — phone for the
// customer's pages), with no serious or critical axe violation. Touch sizes are WCAG 2.2's target-size rule.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const owner = { authorization: "Bearer tj_demo_owner_token_0001" };

async function violations(page: Page, where: string, options: { contrast: boolean } = { contrast: true }): Promise<string[]> {
  // Not "networkidle": the dashboard holds a live stream open.
  await page.waitForLoadState("load");
  const started = Date.now();
  // Only violations are collected: passes and "needs review" are most of axe's time.
  const builder = new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ["violations"] });
  // Colour contrast, the slowest rule, is the same palette in both languages: checked in Arabic at every size.
  if (!options.contrast) builder.disableRules(["color-contrast"]);
  const result = await builder.analyze();
  if (process.env.A11Y_TIMING) console.log(`${where}: axe ${Date.now() - started} ms`);
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}) — ${v.nodes.length}× e.g. ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

/** Errors a page writes to the browser's console, or throws: there should be none. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

/** The project's own size, or (on the tablet project only) the large tablet too: one test each. */
const SIZES = ["own", "large tablet"] as const;
function sizeFor(page: Page, size: (typeof SIZES)[number]): { width: number; height: number } {
  return size === "own" ? page.viewportSize()! : { width: 1024, height: 1366 };
}

for (const locale of ["ar", "en"])
  for (const size of SIZES)
    test(`every dashboard page in ${locale === "ar" ? "Arabic" : "English"} (${size} size): no serious or critical accessibility violation`, async ({
      page,
      request,
    }) => {
      test.skip(test.info().project.name === "phone", "the dashboard is checked at desktop and tablet sizes");
      test.skip(size === "large tablet" && test.info().project.name !== "tablet", "the large tablet is a size of the tablet project");
      test.setTimeout(300_000);
      const order = await placeDemoOrder(request, { customer: { name: "سارة القحطاني", phone: "+966533000111" } });
      const customerId = (await (await request.get(`/api/v1/orders/${order.id}`, { headers: owner })).json()).data.customer.id as string | undefined;
      await signIn(page, "owner@demo.test");
      const paths = [
        "/s/demo/orders",
        `/s/demo/orders/${order.id}`,
        "/s/demo/customers",
        ...(customerId ? [`/s/demo/customers/${customerId}`] : []),
        "/s/demo/wallet",
        "/s/demo/reviews",
        "/s/demo/reviews/discounts",
        "/s/demo/settings/shipping",
        "/s/demo/settings/shipping/packaging",
        "/s/demo/settings/sms",
        "/s/demo/settings/reviews",
        "/s/demo/settings/tags",
        "/s/demo/settings/refunds",
        "/s/demo/settings/api-tokens",
        "/s/demo/account",
      ];
      const found: string[] = [];
      const errors = consoleErrors(page);
      await page.context().addCookies([{ name: "tajer-locale", value: locale, url: test.info().project.use.baseURL! }]);
      const viewport = sizeFor(page, size);
      await page.setViewportSize(viewport);
      for (const path of paths) {
        const started = Date.now();
        await page.goto(path);
        if (process.env.A11Y_TIMING) console.log(`${path}: load ${Date.now() - started} ms`);
        found.push(...(await violations(page, `${locale} ${viewport.width}px ${path}`, { contrast: locale === "ar" })));
      }
      expect(found, found.join("\n")).toEqual([]);
      expect(errors, errors.join("\n")).toEqual([]);
    });

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
    for (const size of test.info().project.name === "tablet" ? SIZES : (["own"] as const)) {
      const viewport = sizeFor(page, size);
      await page.setViewportSize(viewport);
      for (const path of [orderUrl, "/signin", `/o/${"a".repeat(64)}`]) {
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
