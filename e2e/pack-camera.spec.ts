// The packing station's camera as a tablet has it: Chromium's fake camera device plays a video of a real
// EAN-13 (written below as Y4M frames), through getUserMedia under the page's own headers (the camera
// allowed there, WebAssembly allowed there), decoded by the ZXing decoder the app serves (this browser has
// no BarcodeDetector, as Safari on an iPad has none).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { gtinCheckDigit } from "../src/lib/barcode";
import { placeDemoOrder, signIn } from "./helpers";
import { ean13Bars } from "./ean13";

const body = "628100001000"; // the demo's DM-002
const EAN = body + gtinCheckDigit(body);

/** A Y4M video (4:2:0) of `code` as black bars on white, four pixels a module, with quiet zones. */
function barcodeVideo(code: string): string {
  const bars = ean13Bars(code);
  const [width, height] = [640, 360];
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 90; y < 270; y++) for (let i = 0; i < bars.length; i++) if (bars[i] === "1") luma.fill(16, y * width + 130 + i * 4, y * width + 134 + i * 4);
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  const file = path.join(os.tmpdir(), `tajer-ean-${code}.y4m`);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]));
  return file;
}

// The project's browser and flags, with the fake camera playing the video.
test.use({
  launchOptions: [
    async ({ launchOptions }, use) =>
      use({
        ...launchOptions,
        args: [
          ...(launchOptions.args ?? []),
          "--use-fake-device-for-media-stream",
          "--use-fake-ui-for-media-stream",
          `--use-file-for-fake-video-capture=${barcodeVideo(EAN)}`,
        ],
      }),
    { scope: "worker" },
  ],
  permissions: ["camera"],
});

test("the tablet's camera reads a barcode held in view as one unit, with the decoder the app serves", async ({ page }) => {
  const order = await placeDemoOrder(page.request, { items: [{ sku: "DM-002", quantity: 2 }], payment: { method: "card", status: "paid" } });
  const moved = await page.request.post(`/api/v1/orders/${order.id}/transitions`, {
    headers: { authorization: "Bearer tj_demo_owner_token_0001" },
    data: { to: "in_progress", notifyCustomer: false },
  });
  expect(moved.status()).toBe(200);
  await signIn(page, "staff@demo.test");
  const station = await page.goto(`/s/demo/pack?order=${order.id}`);
  expect(station!.headers()["permissions-policy"]).toContain("camera=(self)");
  expect(station!.headers()["content-security-policy"]).toContain("'wasm-unsafe-eval'");
  expect(await page.evaluate(() => "BarcodeDetector" in window)).toBe(false);
  await expect(page.getByTestId("pack-progress")).toHaveText("0 of 2 scanned");
  await page.getByRole("button", { name: "Camera" }).click();
  await expect(page.getByTestId("pack-progress")).toHaveText("1 of 2 scanned", { timeout: 15_000 });
  await expect(page.getByTestId("scan-flash")).toHaveAttribute("data-outcome", "ok");
  // The code stays in view: still one unit.
  await page.waitForTimeout(1_500);
  await expect(page.getByTestId("pack-progress")).toHaveText("1 of 2 scanned");
  // Elsewhere in the dashboard the camera stays off.
  const orders = await page.goto("/s/demo/orders");
  expect(orders!.headers()["permissions-policy"]).toContain("camera=()");
});
