// The packing station on a tablet: a hardware scanner (keyboard wedge) and the camera, a wrong item
// refused, complete → label; offline scans and "packed" kept on the tablet and replayed once; a late
// order flagged when its time comes.
import { expect, test, type Page } from "@playwright/test";
import { gtinCheckDigit } from "../src/lib/barcode";
import { dbQuery, hydrated, placeDemoOrder, signIn } from "./helpers";
import { ean13Bars } from "./ean13";

// The demo catalog's EAN-13 of a variant: 628 (Saudi Arabia), store 1, the product's place, the option.
const demoEan = (product: number, option = 0) => {
  const body = `6281${String(product).padStart(5, "0")}${String(option).padStart(3, "0")}`;
  return body + gtinCheckDigit(body);
};
const DM_002 = demoEan(1);

/** An order of two DM-002 being prepared, for nobody in particular. */
async function orderInProgress(page: Page, items = [{ sku: "DM-002", quantity: 2 }]) {
  const order = await placeDemoOrder(page.request, { items, payment: { method: "card", status: "paid" } });
  const moved = await page.request.post(`/api/v1/orders/${order.id}/transitions`, {
    headers: { authorization: "Bearer tj_demo_owner_token_0001" },
    data: { to: "in_progress", notifyCustomer: false },
  });
  expect(moved.status()).toBe(200);
  return order;
}

/** A scanner types the code and Enter, fast, with no field focused. */
// A scanner types into the page: keys before the page's script listens are lost (the tests wait for it first).
async function wedgeScan(page: Page, code: string) {
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press("Enter");
}

const flash = (page: Page) => page.getByTestId("scan-flash");
const packs = (orderId: string) =>
  dbQuery<{ scannedUnits: number; refusedScans: number }>(`SELECT "scannedUnits", "refusedScans" FROM order_packs WHERE "orderId" = $1`, [orderId]);

test("a hardware scanner: a wrong item and one too many are refused by name, every unit counted, packed, then into the label form", async ({ page }) => {
  const order = await orderInProgress(page);
  await signIn(page, "staff@demo.test");
  await page.goto(`/s/demo/pack?order=${order.id}`);
  await hydrated(page);
  await expect(page.getByTestId("pack-progress")).toHaveText("0 of 2 scanned");
  await expect(page.getByTestId("pack-line")).toHaveText(/DM-002 · Bin [A-C]-02-1/);

  await wedgeScan(page, DM_002);
  await expect(flash(page)).toHaveAttribute("data-outcome", "ok");
  await expect(flash(page)).toContainText("(1 of 2)");
  // Another product of the store: refused, and named once the catalog answers.
  await wedgeScan(page, "DM-009");
  await expect(flash(page)).toHaveAttribute("data-outcome", "wrong");
  await expect(flash(page)).toContainText(/Not in this order: .*\(DM-009\)/);
  // The SKU scans too (a shelf label); then one unit too many.
  await wedgeScan(page, "dm-002");
  await expect(page.getByTestId("pack-progress")).toHaveText("2 of 2 scanned");
  await wedgeScan(page, DM_002);
  await expect(flash(page)).toHaveAttribute("data-outcome", "extra");
  await expect(flash(page)).toContainText("Too many");

  // Scan-to-feedback, measured in the page: from the scanner's Enter to the flash changing.
  const feedbackMs = await page.evaluate(async () => {
    const el = document.querySelector('[data-testid="scan-flash"]')!;
    const typed = "X-NOT-OURS";
    for (const key of typed) window.dispatchEvent(new KeyboardEvent("keydown", { key }));
    const start = performance.now();
    const changed = new Promise<number>((resolve) =>
      new MutationObserver(() => resolve(performance.now() - start)).observe(el, { childList: true, subtree: true, characterData: true }),
    );
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    return changed;
  });
  console.log(`scan-to-feedback: ${feedbackMs.toFixed(1)} ms`);
  expect(feedbackMs).toBeLessThan(1000); // a hang check; the number is noted, not asserted as speed

  await page.getByLabel("Weight (kg)").fill("1.4");
  await page.getByTestId("pack-submit").click();
  await expect(page.getByTestId("pack-done")).toContainText("Packed and recorded.");
  expect(await packs(order.id)).toEqual([{ scannedUnits: 2, refusedScans: 3 }]);

  await page.getByRole("link", { name: "Buy the label and print" }).click();
  await expect(page).toHaveURL(new RegExp(`/s/demo/orders/${order.id}`));
  // A full page load: the label form is the script's once the page is hydrated (pressed earlier, the browser
  // would send it as a plain GET of the page).
  await hydrated(page);
  await expect(page.getByTestId("packing-card")).toContainText("2 of 2 units scanned, 3 scans refused");
  await expect(page.getByText(/Packed: 2 of 2 items scanned, 3 wrong scans refused/)).toBeVisible();
  const form = page.getByRole("form", { name: "Issue Shipping Label" });
  await expect(form.getByLabel("Weight (kg) 1")).toHaveValue("1.40");
  await form.getByRole("radio", { name: /^Aramex/ }).check();
  await form.getByRole("radio", { name: "Drop-off at a carrier branch" }).check();
  await form.getByRole("button", { name: /^Buy label · SAR/ }).click();
  await expect(page.getByRole("link", { name: "Print label" })).toBeVisible();
});

test("the camera: codes read from the picture (the browser's detector, here given frames by the test) count like the scanner's", async ({ page }) => {
  // The tablet's camera and detector: a canvas stream for the camera, a detector that reads what the test puts in view.
  await page.addInitScript(() => {
    const w = window as unknown as { __inView: string[]; BarcodeDetector: unknown };
    w.__inView = [];
    navigator.mediaDevices.getUserMedia = async () => {
      const canvas = Object.assign(document.createElement("canvas"), { width: 64, height: 48 });
      const paint = () => {
        canvas.getContext("2d")!.fillRect(0, 0, 64, 48);
        requestAnimationFrame(paint);
      };
      paint();
      return canvas.captureStream(10);
    };
    w.BarcodeDetector = class {
      static async getSupportedFormats() {
        return ["ean_13", "code_128"];
      }
      async detect() {
        const code = w.__inView.shift();
        return code ? [{ rawValue: code, format: "ean_13" }] : [];
      }
    };
  });
  const order = await orderInProgress(page, [{ sku: "DM-002", quantity: 1 }]);
  await signIn(page, "staff@demo.test");
  await page.goto(`/s/demo/pack?order=${order.id}`);
  await hydrated(page);
  await page.getByRole("button", { name: "Camera" }).click();
  await expect(page.getByTestId("camera").locator("video")).toBeVisible();
  await page.evaluate((code) => (window as unknown as { __inView: string[] }).__inView.push(code), DM_002);
  await expect(page.getByTestId("pack-progress")).toHaveText("1 of 1 scanned");
  await expect(flash(page)).toHaveAttribute("data-outcome", "ok");
  await page.evaluate(() => (window as unknown as { __inView: string[] }).__inView.push("6281000090003"));
  await expect(flash(page)).toHaveAttribute("data-outcome", "wrong");
});

test("the camera without the browser's detector: the ZXing decoder served by the app reads a drawn EAN-13, once each time it comes into view", async ({
  page,
}) => {
  // A camera whose picture is a real barcode, drawn bar by bar on white with its quiet zones; no
  // BarcodeDetector, so the WebAssembly decoder reads it.
  const bars = Object.fromEntries([DM_002, demoEan(9)].map((code) => [code, ean13Bars(code)]));
  await page.addInitScript((barsOf: Record<string, string>) => {
    const w = window as unknown as { __code: string; BarcodeDetector?: unknown };
    delete w.BarcodeDetector;
    w.__code = "";
    navigator.mediaDevices.getUserMedia = async () => {
      const canvas = Object.assign(document.createElement("canvas"), { width: 480, height: 200 });
      const paint = () => {
        const g = canvas.getContext("2d")!;
        g.fillStyle = "#fff";
        g.fillRect(0, 0, canvas.width, canvas.height);
        if (w.__code) {
          g.fillStyle = "#000";
          [...barsOf[w.__code]].forEach((bit, i) => bit === "1" && g.fillRect(50 + i * 4, 30, 4, 140));
        }
        requestAnimationFrame(paint);
      };
      paint();
      return canvas.captureStream(10);
    };
  }, bars);
  const show = (code: string) => page.evaluate((c) => ((window as unknown as { __code: string }).__code = c), code);
  const wasm = page.waitForResponse((r) => r.url().endsWith("/vendor/zxing_reader.wasm") && r.status() === 200);
  const order = await orderInProgress(page);
  await signIn(page, "staff@demo.test");
  await page.goto(`/s/demo/pack?order=${order.id}`);
  await hydrated(page);
  await page.getByRole("button", { name: "Camera" }).click();
  await wasm;
  await show(DM_002);
  await expect(page.getByTestId("pack-progress")).toHaveText("1 of 2 scanned");
  // Held in view, it is one unit; taken away and shown again, the next.
  await page.waitForTimeout(600);
  await expect(page.getByTestId("pack-progress")).toHaveText("1 of 2 scanned");
  await show("");
  await page.waitForTimeout(400);
  await show(DM_002);
  await expect(page.getByTestId("pack-progress")).toHaveText("2 of 2 scanned");
  await show("");
  await page.waitForTimeout(400);
  // Another product's code: refused by name.
  await show(demoEan(9));
  await expect(flash(page)).toHaveAttribute("data-outcome", "wrong");
});

test("offline: scans and 'packed' wait on the tablet, survive a reload, and are replayed once when the network is back", async ({ page, context }) => {
  const order = await orderInProgress(page);
  await signIn(page, "staff@demo.test");
  await page.goto(`/s/demo/pack?order=${order.id}`);
  await hydrated(page);
  await expect(page.getByTestId("pack-progress")).toHaveText("0 of 2 scanned");
  // The page keeps itself for offline use once its worker is running.
  await page.waitForFunction(async () => !!(await navigator.serviceWorker?.getRegistration("/s/"))?.active);
  // …and once its copy is complete: the page streams, and a copy still arriving is not one yet.
  await expect(page.locator("main[data-offline-ready='true']")).toBeVisible();
  expect(await page.evaluate(async () => !!(await (await caches.open("tajer-station-v1")).match(location.pathname)))).toBe(true);

  await context.setOffline(true);
  await expect(page.getByTestId("offline-banner")).toContainText("Offline");
  await wedgeScan(page, DM_002);
  await wedgeScan(page, DM_002);
  await expect(page.getByTestId("pack-progress")).toHaveText("2 of 2 scanned");
  await page.getByTestId("pack-submit").click();
  await expect(page.getByTestId("pack-done")).toContainText("kept on this tablet");
  await expect(page.getByText("Buying a label needs the network")).toBeVisible();
  await expect(page.getByTestId("offline-banner")).toHaveText("Offline — 1 action waiting");
  expect(await packs(order.id)).toEqual([]);
  // Kept on the tablet (IndexedDB), not only in the page's memory.
  await page.waitForFunction(
    (id) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open("keyval-store");
        open.onsuccess = () => {
          const all = open.result.transaction("keyval").objectStore("keyval").getAll();
          all.onsuccess = () => resolve(all.result.some((v: unknown) => typeof v === "string" && v.includes(id) && v.includes('"isPaused":true')));
          all.onerror = () => resolve(false);
        };
        open.onerror = () => resolve(false);
      }),
    order.id,
  );

  // Reloaded without a network: the station's page comes from the tablet, and the action is still waiting.
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId("offline-banner")).toHaveText("Offline — 1 action waiting");
  await expect(page.getByTestId("recent-actions")).toContainText("Waiting for the network");

  await context.setOffline(false);
  await expect(page.getByTestId("recent-actions")).toContainText(`#${order.number}Packed ✓`);
  await expect(page.getByTestId("offline-banner")).toHaveCount(0);
  expect(await packs(order.id)).toEqual([{ scannedUnits: 2, refusedScans: 0 }]);
  // Nothing applied twice: another round of the network coming back changes nothing.
  await context.setOffline(true);
  await context.setOffline(false);
  await page.waitForTimeout(500);
  expect(await packs(order.id)).toHaveLength(1);
});

test("an order changed by someone else while the tablet was offline shows the conflict instead of overwriting it", async ({ page, context }) => {
  const order = await orderInProgress(page, [{ sku: "DM-002", quantity: 1 }]);
  await signIn(page, "staff@demo.test");
  await page.goto(`/s/demo/pack?order=${order.id}`);
  await hydrated(page);
  await expect(page.getByTestId("pack-progress")).toHaveText("0 of 1 scanned");
  await context.setOffline(true);
  await wedgeScan(page, DM_002);
  await page.getByTestId("pack-submit").click();
  await expect(page.getByTestId("pack-done")).toContainText("kept on this tablet");
  // Meanwhile, at the desk: the order is canceled.
  const canceled = await page.request.post(`/api/v1/orders/${order.id}/transitions`, {
    headers: { authorization: "Bearer tj_demo_owner_token_0001" },
    data: { to: "canceled", notifyCustomer: false },
  });
  expect(canceled.status()).toBe(200);
  await context.setOffline(false);
  await expect(page.getByTestId("recent-actions")).toContainText("The order is now Canceled");
  expect(await packs(order.id)).toEqual([]);
});

test("a late order: on time until the store's hours have passed, then flagged late (time injected into its milestone)", async ({ page }) => {
  const order = await orderInProgress(page, [{ sku: "DM-002", quantity: 1 }]);
  await signIn(page, "staff@demo.test");
  // The rule's hours count the branch's working hours (the demo's are 9 am to 10 pm, Fridays from 4 pm): the order
  // is put in progress six minutes after, then six minutes before, the instant that many working hours ago.
  const aroundDeadline = (minutes: number) =>
    dbQuery(
      `UPDATE orders o SET "inProgressAt" = tajer_working_hours_before(now(),
         (SELECT COALESCE((st."lateRules"->>'inProgressHours')::int, 24) FROM stores st WHERE st.id = o."storeId"),
         (SELECT b."workingHours" FROM branches b WHERE b."storeId" = o."storeId"
            AND b.id = COALESCE(o."branchId", (SELECT d.id FROM branches d WHERE d."storeId" = o."storeId" AND d."isDefault" LIMIT 1))),
         (SELECT st."timeZone" FROM stores st WHERE st.id = o."storeId")) + make_interval(mins => $2)
       WHERE id = $1`,
      [order.id, minutes],
    );
  await aroundDeadline(6);
  await page.goto(`/s/demo/pack?order=${order.id}`);
  await hydrated(page);
  await expect(page.getByTestId("pack-progress")).toHaveText("0 of 1 scanned");
  await expect(page.getByTestId("pack-order").getByText("Late", { exact: true })).toHaveCount(0);
  await aroundDeadline(-6);
  await page.reload();
  await hydrated(page);
  await expect(page.getByTestId("pack-order").getByText("Late", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Queue" }).click();
  await expect(page.getByTestId("pack-queue").getByRole("button", { name: new RegExp(`#${order.number}`) })).toContainText("Late");
});
