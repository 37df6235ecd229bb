import { test } from "@playwright/test";
import { checkDashboard, LARGE_TABLET } from "./a11y";

// The 1024×1366 tablet, touch and all: run by the tablet project only.
for (const locale of ["ar", "en"] as const) {
  test(`every dashboard page on a large tablet in ${locale === "ar" ? "Arabic" : "English"}: no serious or critical accessibility violation`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize(LARGE_TABLET);
    await checkDashboard(page, request, locale);
  });
}
