import { test } from "@playwright/test";
import { checkDashboard } from "./a11y";

// English on the desktop only: the 768 layout in English is the Arabic one mirrored, with the same components
// and touch sizes (checked in Arabic at 768), and the English words are the desktop's.
test("every dashboard page in English: no serious or critical accessibility violation", async ({ page, request }) => {
  await checkDashboard(page, request, "en");
});
