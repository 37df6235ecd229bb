import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { placeDemoOrder, signIn } from "./helpers";

// The accessibility gate's tools: every dashboard page and the customer's pages, with no serious or critical
// axe violation and no console error. Touch sizes are WCAG 2.2's target-size rule. The specs: a11y-dashboard
// (Arabic, desktop and tablet 768), a11y-dashboard-en (English, desktop), a11y-large-tablet (the stockroom's
// pages at 1024×1366, tablet project only), a11y-customer (both languages, every project, phone included).
export const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
export const owner = { authorization: "Bearer tj_demo_owner_token_0001" };

export async function violations(page: Page, where: string, options: { contrast: boolean } = { contrast: true }): Promise<string[]> {
  // Not "networkidle": the dashboard holds a live stream open.
  await page.waitForLoadState("load");
  const started = Date.now();
  // Only violations are collected: passes and "needs review" are most of axe's time. Axe runs in the page
  // itself, in each of its frames: the default runs each frame apart and then assembles the results in a
  // new blank page, which took twice as long (2–8 s a page) and the same rules.
  const builder = new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(TAGS)
    .options({ resultTypes: ["violations"] });
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
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

export const LARGE_TABLET = { width: 1024, height: 1366 };

/** Every dashboard page, in one language, at the page's current size: violations and console errors. */
export async function checkDashboard(
  page: Page,
  request: Parameters<typeof placeDemoOrder>[0],
  locale: "ar" | "en",
  only: (path: string) => boolean = () => true,
) {
  test.setTimeout(420_000);
  const order = await placeDemoOrder(request, { customer: { name: "سارة القحطاني", phone: "+966533000111" } });
  const customerId = (await (await request.get(`/api/v1/orders/${order.id}`, { headers: owner })).json()).data.customer.id as string | undefined;
  // An order being prepared, for the packing station's order view.
  const packing = await placeDemoOrder(request);
  await request.post(`/api/v1/orders/${packing.id}/transitions`, { headers: owner, data: { to: "in_progress", notifyCustomer: false } });
  await signIn(page, "owner@demo.test");
  const paths = [
    "/s/demo",
    "/s/demo/pack",
    `/s/demo/pack?order=${packing.id}`,
    "/s/demo/orders",
    `/s/demo/orders/${order.id}`,
    "/s/demo/customers",
    ...(customerId ? [`/s/demo/customers/${customerId}`] : []),
    "/s/demo/orders/exports",
    "/s/demo/products",
    "/s/demo/products/import",
    "/s/demo/messages",
    "/s/demo/messages?box=sent",
    "/s/demo/cod",
    "/s/demo/wallet",
    "/s/demo/reviews",
    "/s/demo/reviews/discounts",
    "/s/demo/settings/shipping",
    "/s/demo/settings/shipping/packaging",
    "/s/demo/settings/shipping/scorecard",
    "/s/demo/settings/sms",
    "/s/demo/settings/reviews",
    "/s/demo/settings/tags",
    "/s/demo/settings/refunds",
    "/s/demo/settings/cod",
    "/s/demo/settings/tax",
    "/s/demo/settings/api-tokens",
    "/s/demo/settings/team",
    "/s/demo/settings/team/activity",
    "/s/demo/account",
  ];
  const found: string[] = [];
  const errors = consoleErrors(page);
  await page.context().addCookies([{ name: "tajer-locale", value: locale, url: test.info().project.use.baseURL! }]);
  const width = page.viewportSize()!.width;
  for (const path of paths.filter(only)) {
    const started = Date.now();
    await page.goto(path);
    if (process.env.A11Y_TIMING) console.log(`${path}: load ${Date.now() - started} ms`);
    found.push(...(await violations(page, `${locale} ${width}px ${path}`, { contrast: locale === "ar" })));
  }
  expect(found, found.join("\n")).toEqual([]);
  expect(errors, errors.join("\n")).toEqual([]);
}
