import { test } from "@playwright/test";
import { checkDashboard } from "./a11y";

// Arabic, the first language, on the desktop and the 768 tablet (the phone project does not run this file: the
// dashboard is for desks and tablets). English: a11y-dashboard-en.
test("every dashboard page in Arabic: no serious or critical accessibility violation", async ({ page, request }) => {
  await checkDashboard(page, request, "ar");
});
