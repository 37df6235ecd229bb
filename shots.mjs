import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3300";
const sizes = { desktop: { width: 1280, height: 800, touch: false }, tablet768: { width: 768, height: 1024, touch: true }, tablet1024: { width: 1024, height: 1366, touch: true }, phone: { width: 390, height: 844, touch: true } };
const paths = (process.argv[2] ?? "/s/demo/orders").split(",");
const only = process.argv[3] ? process.argv[3].split(",") : Object.keys(sizes);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" }).catch(() => chromium.launch());
for (const locale of ["ar", "en"]) {
  for (const name of only) {
    const s = sizes[name];
    const ctx = await browser.newContext({ viewport: { width: s.width, height: s.height }, hasTouch: s.touch, isMobile: name === "phone" });
    await ctx.addCookies([{ name: "tajer-locale", value: locale, url: base }]);
    const page = await ctx.newPage();
    await page.goto(`${base}/signin`);
    await page.getByLabel(locale === "ar" ? "البريد الإلكتروني" : "Email").fill("owner@demo.test");
    await page.getByLabel(locale === "ar" ? "كلمة المرور" : "Password").fill("demo-password");
    await page.getByRole("button", { name: locale === "ar" ? "دخول" : "Sign in" }).click();
    await page.waitForURL(/\/s\//);
    for (const p of paths) {
      await page.goto(base + p);
      await page.waitForLoadState("load");
      const file = `/tmp/shots/${locale}-${name}-${p.replace(/[^a-z0-9]+/gi, "_")}.png`;
      await page.screenshot({ path: file, fullPage: false });
      console.log(file);
    }
    await ctx.close();
  }
}
await browser.close();
