import { test } from "@playwright/test";
import { checkDashboard, LARGE_TABLET } from "./a11y";

// The 1024×1366 tablet, touch and all: run by the tablet project only. In Arabic: at this width the pages take
// the desktop's layout (checked in both languages at 1280) with the tablet's touch sizes (checked in both
// languages at 768); what only this size shows is that layout mirrored, under a finger.
test("every dashboard page on a large tablet in Arabic: no serious or critical accessibility violation", async ({ page, request }) => {
  await page.setViewportSize(LARGE_TABLET);
  await checkDashboard(page, request, "ar");
});
