import { test } from "@playwright/test";
import { checkDashboard } from "./a11y";

// Desktop and the 768 tablet (the phone project does not run this file: the dashboard is for desks and tablets).
for (const locale of ["ar", "en"] as const) {
  test(`every dashboard page in ${locale === "ar" ? "Arabic" : "English"}: no serious or critical accessibility violation`, async ({ page, request }) => {
    await checkDashboard(page, request, locale);
  });
}
