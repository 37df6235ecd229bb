import { expect, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import { placeDemoOrder, signIn } from "./helpers";

async function packedOrder(request: APIRequestContext, token = "tj_demo_owner_token_0001", sku = "DM-002") {
  const created = await request.post("/api/v1/orders", {
    headers: { authorization: `Bearer ${token}`, "idempotency-key": crypto.randomUUID() },
    data: {
      customer: { name: "سارة العتيبي", phone: `+9665${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}` },
      items: [{ sku, quantity: 1 }],
      payment: { method: "cash_on_delivery" },
      shipping: { city: "الرياض", district: "العليا", address: "شارع التحلية، مبنى 12", method: "Aramex", fee: 2500 },
    },
  });
  expect(created.status()).toBe(201);
  const order = (await created.json()).data;
  const moved = await request.post(`/api/v1/orders/${order.id}/transitions`, {
    headers: { authorization: `Bearer ${token}` },
    data: { to: "in_progress", notifyCustomer: false },
  });
  expect(moved.status()).toBe(200);
  return order as { id: string; number: number };
}

test("issue a label: live quote, wallet debited, order shipped, label PDF and tracking link", async ({ page, request }) => {
  const order = await packedOrder(request);
  await signIn(page, "owner@demo.test");
  await page.goto("/s/demo/wallet");
  const before = (await page.getByTestId("wallet-balance").innerText()).trim();

  await page.goto(`/s/demo/orders/${order.id}`);
  const form = page.getByRole("form", { name: "Issue Shipping Label" });
  await form.getByLabel("Box for package 1").selectOption({ label: "Box M (30×25×15 cm)" });
  // A package field that is not a number is named, rather than every carrier disappearing.
  await form.getByLabel("Weight (kg) 1").fill("");
  await expect(form.getByRole("alert")).toHaveText("Package 1: Weight (kg) must be a number above 0.");
  await form.getByLabel("Weight (kg) 1").fill("0.8");
  await expect(form.getByRole("alert")).toHaveCount(0);
  // Box M is charged by size: 30×25×15 / 5000 = 2.25 kg volumetric.
  await expect(form.getByText("Volumetric 2.25 kg · chargeable 2.5 kg").first()).toBeVisible();
  await expect(form.getByText("Cheapest")).toBeVisible();
  await expect(form.getByText(/This box is charged by its size/)).toBeVisible();
  await form.getByRole("radio", { name: /SMSA Express/ }).check();
  await expect(form.getByRole("radio", { name: "Pickup from the branch" })).toBeDisabled();
  await expect(form.getByText("SMSA Express takes drop-offs only")).toBeVisible();
  await form.getByRole("radio", { name: /^Aramex/ }).check();
  await form.getByRole("radio", { name: "Drop-off at a carrier branch" }).check();
  await form.getByRole("button", { name: /^Buy label · SAR/ }).click();

  await expect(page.locator("main").getByText("Shipped", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/^Label issued: Aramex · \u2066\d{11}\u2069$/)).toBeVisible();
  const track = page.getByRole("link", { name: "Track Shipment" });
  await expect(track).toHaveAttribute("href", /^https:\/\/www\.aramex\.com\/sa\/en\/track\/results\?ShipmentNumber=\d{11}$/);
  const labelHref = await page.getByRole("link", { name: "Print label" }).getAttribute("href");
  const pdf = await page.request.get(labelHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  await page.goto("/s/demo/wallet");
  await expect(page.getByTestId("wallet-balance")).not.toHaveText(before);
  await expect(page.getByText("Label", { exact: true }).first()).toBeVisible();
  const csv = await page.request.get("/s/demo/wallet/export.csv?kind=label");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).split("\r\n");
  expect(lines[0]).toBe("date,kind,amount,balance_after,currency,order_number,order_id,shipment_id,reference");
  expect(lines[1]).toMatch(/^"[^"]+","label","-\d+\.\d\d","\d+\.\d\d","SAR","#\d+",/);

  // Void it before hand-over: back in progress, and the wallet has the price back.
  await page.goto(`/s/demo/orders/${order.id}`);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Void label" }).click();
  await expect(page.getByText(/^Label \u2066\d{11}\u2069 voided; the wallet was refunded$/)).toBeVisible();
  await expect(page.locator("main").getByText("In Progress", { exact: true }).first()).toBeVisible();
});

test("a label the wallet cannot pay for is refused before anything is charged", async ({ page, request }) => {
  const order = await packedOrder(request, "tj_second_owner_token_0001", "SC-002");
  await signIn(page, "owner@second.test");
  await page.goto(`/s/second/orders/${order.id}`);
  const form = page.getByRole("form", { name: "Issue Shipping Label" });
  await form.getByLabel("Weight (kg) 1").fill("3");
  await form.getByRole("radio", { name: /^Aramex/ }).check();
  await expect(form.getByRole("alert")).toContainText("does not cover this label");
  await expect(form.getByRole("link", { name: "Top up" })).toHaveAttribute("href", "/s/second/wallet");
  await form.getByRole("button", { name: /^Buy label · SAR/ }).click();
  await expect(form.getByRole("alert").first()).toContainText("does not cover this label");
  await expect(page.locator("main").getByText("In Progress", { exact: true }).first()).toBeVisible();
});

async function labelViaApi(request: APIRequestContext, orderId: string) {
  const branchId = await defaultBranch(request);
  // A pickup is booked in one of the slots the API offers (the branch open, the carrier's drivers out).
  const slots = await request.get(`/api/v1/branches/${branchId}/pickup-slots?carrier=aymakan`, {
    headers: { authorization: "Bearer tj_demo_owner_token_0001" },
  });
  const [slot] = (await slots.json()).data as { start: string }[];
  const response = await request.post(`/api/v1/orders/${orderId}/shipments`, {
    headers: { authorization: "Bearer tj_demo_owner_token_0001", "idempotency-key": crypto.randomUUID() },
    data: { branchId, carrier: "aymakan", packages: [{ weightGrams: 600, lengthCm: 20, widthCm: 15, heightCm: 10 }], handover: "pickup", pickupAt: slot.start },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).data as { id: string; trackingNumber: string };
}

async function defaultBranch(request: APIRequestContext) {
  const branches = await request.get("/api/v1/branches", { headers: { authorization: "Bearer tj_demo_owner_token_0001" } });
  return ((await branches.json()).data as { id: string; isDefault: boolean }[]).find((b) => b.isDefault)!.id;
}

test("play the carrier: the simulator moves the parcel and the order follows to Delivered", async ({ page, request }) => {
  const order = await packedOrder(request);
  await labelViaApi(request, order.id);
  await signIn(page, "staff@demo.test");
  await page.goto(`/s/demo/orders/${order.id}`);
  const simulator = page.getByTestId("carrier-simulator");
  const status = page.getByTestId("shipment-status");
  await expect(status).toHaveText("Shipment: Label issued, waiting for hand-over");
  await expect(page.getByText(/^AyMakan picks the parcel up from Riyadh main warehouse on .+, \d\d:\d\d( [AP]M)?–\d\d:\d\d( [AP]M)?\.$/)).toBeVisible();
  for (const [step, shown] of [
    ["picked up", "Picked up by the carrier"],
    ["in transit", "In transit"],
    ["out for delivery", "Out for delivery"],
  ] as const) {
    await simulator.getByRole("button", { name: `Next step: ${step}` }).click();
    await expect(status).toHaveText(`Shipment: ${shown}`);
  }
  await expect(page.locator("main").getByText("Out for Delivery", { exact: true }).first()).toBeVisible();
  await simulator.getByRole("button", { name: "Next step: delivered" }).click();
  await expect(status).toHaveText("Shipment: Delivered");
  await expect(page.locator("main").getByText("Delivered", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("carrier-simulator")).toHaveCount(0);
  // The timeline names the carrier as the one who moved it.
  await expect(page.getByText(/AyMakan/).first()).toBeVisible();
});

test("select orders in the list → Print labels → one PDF with a page per label; orders without one are named", async ({ page, request }) => {
  const name = `Print ${test.info().project.name} ${Date.now()}`;
  const phone = `+9665${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const withLabels = [];
  for (let i = 0; i < 3; i++) {
    const order = await placeDemoOrder(request, { customer: { name, phone } });
    if (i < 2) {
      await request.post(`/api/v1/orders/${order.id}/transitions`, {
        headers: { authorization: "Bearer tj_demo_owner_token_0001" },
        data: { to: "in_progress", notifyCustomer: false },
      });
      await labelViaApi(request, order.id);
      withLabels.push(order);
    } else withLabels.push({ ...order, noLabel: true });
  }
  await signIn(page, "owner@demo.test");
  await page.goto(`/s/demo/orders?q=${encodeURIComponent(name)}`);
  for (const o of withLabels) await page.getByLabel(`Select order #${o.number}`).locator("visible=true").check();
  await page.getByRole("region", { name: "Bulk actions" }).getByRole("button", { name: "Print labels" }).click();
  const ready = page.getByTestId("bulk-labels");
  await expect(ready).toContainText("2 labels ready, one PDF");
  await expect(ready).toContainText(`No label yet: #${withLabels[2].number}`);
  const href = await ready.getByRole("link", { name: "Open labels (PDF)" }).getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const body = (await pdf.body()).toString("latin1");
  expect(body.match(/\/Type \/Page\b/g)).toHaveLength(2);
});
