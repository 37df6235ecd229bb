import { test } from "@playwright/test";
import { checkDashboard, LARGE_TABLET } from "./a11y";

// The 1024×1366 tablet, touch and all: run by the tablet project only, in Arabic. At this width the pages take
// the desktop's layout (every page checked at 1280) with the tablet's touch sizes (every page checked at 768);
// what only this size shows is that layout mirrored under a finger, on the pages a stockroom tablet stays on:
// the home page, the packing station and the orders.
const STOCKROOM = /^\/s\/demo(\/pack(\?.*)?|\/orders(\/[0-9a-f-]{36})?)?$/;

test("the stockroom's pages on a large tablet in Arabic: no serious or critical accessibility violation", async ({ page, request }) => {
  await page.setViewportSize(LARGE_TABLET);
  await checkDashboard(page, request, "ar", (path) => STOCKROOM.test(path));
});
