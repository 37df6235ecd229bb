import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { saveCarrierAccount } from "@/server/shipping/carrier-settings";
import { carrierAdapters, simulatorControl } from "@/server/shipping/carrier-simulator";
import { issueLabel, issueLabelInput } from "@/server/shipping/issue-label";
import { labelsPdf } from "@/server/shipping/get-label";
import { fundWallet } from "../support/wallet";
import { transitionOrder } from "@/server/orders/transition-order";
import * as labelRoute from "@/app/api/v1/shipments/[shipmentId]/label/route";
import { seedOrder, seedStore, type SeededStore } from "../support/factories";

// The label is checked the way a person or a scanner would: its text extracted, its barcode decoded
// from the rendered page (Debian's poppler-utils and zbar-tools).
const quiet = { stdio: ["ignore", "pipe", "ignore"] as ("ignore" | "pipe")[] };

function tool(name: string) {
  try {
    execFileSync("which", [name]);
  } catch {
    throw new Error(`${name} is needed for the label checks: apt-get install -y poppler-utils zbar-tools`);
  }
  return name;
}

let s: SeededStore;
const adapters = carrierAdapters();

async function labelFor(name: string, carrier: "aramex" | "spl", parcels = 1) {
  const order = await seedOrder(s, { name, phone: "+966501234567", payment: { method: "cash_on_delivery", status: "pending" } });
  await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
  const label = await issueLabel(
    s.ctx(),
    order.id,
    issueLabelInput.parse({
      branchId: s.branches[0].id,
      carrier,
      packages: Array.from({ length: parcels }, () => ({ weightGrams: 800, lengthCm: 30, widthCm: 20, heightCm: 10 })),
      handover: "dropoff",
    }),
    {},
    { adapters },
  );
  return { order, label };
}

beforeAll(async () => {
  simulatorControl.latencyMs = 0;
  s = await seedStore();
  await saveCarrierAccount(s.ctx(), { carrier: "aramex", enabled: true });
  await saveCarrierAccount(s.ctx(), { carrier: "spl", enabled: true });
  await fundWallet(s.ctx(), { amount: 100_000, reference: "labels" });
});

describe("the label PDF", () => {
  it("is 4×6 in, names the order, and its barcode scans back to the tracking number", async () => {
    const { order, label } = await labelFor("سارة العتيبي", "aramex");
    const pdf = await labelsPdf(s.ctx(), [label.id]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "label-"));
    fs.writeFileSync(path.join(dir, "label.pdf"), pdf);
    const info = execFileSync(tool("pdfinfo"), [path.join(dir, "label.pdf")], quiet).toString();
    expect(info).toMatch(/Page size:\s+288 x 432 pts/);
    const text = execFileSync(tool("pdftotext"), [path.join(dir, "label.pdf"), "-"], quiet).toString();
    expect(text).toContain(`#${order.number}`);
    expect(text).toContain(label.trackingNumber);
    expect(text).toContain("COD");
    execFileSync(tool("pdftoppm"), ["-png", "-r", "150", path.join(dir, "label.pdf"), path.join(dir, "page")], quiet);
    const scanned = execFileSync(tool("zbarimg"), ["-q", path.join(dir, "page-1.png")], quiet)
      .toString()
      .trim();
    expect(scanned).toBe(`CODE-128:${label.trackingNumber}`);
  });

  it("merges several labels into one PDF, a page each, in the order asked", async () => {
    const a = await labelFor("Sara", "aramex");
    const b = await labelFor("Omar", "spl");
    const pdf = await labelsPdf(s.ctx(), [b.label.id, a.label.id]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "labels-")), "labels.pdf");
    fs.writeFileSync(file, pdf);
    expect(execFileSync(tool("pdfinfo"), [file], quiet).toString()).toMatch(/Pages:\s+2/);
    const pages = [1, 2].map((p) => execFileSync(tool("pdftotext"), ["-f", String(p), "-l", String(p), file, "-"], quiet).toString());
    expect(pages[0]).toContain(b.label.trackingNumber);
    expect(pages[1]).toContain(a.label.trackingNumber);
  });

  it("a shipment of three parcels prints three labels, each saying which parcel it is", async () => {
    const { label } = await labelFor("Three boxes", "aramex", 3);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pieces-")), "labels.pdf");
    fs.writeFileSync(file, await labelsPdf(s.ctx(), [label.id]));
    expect(execFileSync(tool("pdfinfo"), [file], quiet).toString()).toMatch(/Pages:\s+3/);
    const pages = [1, 2, 3].map((p) => execFileSync(tool("pdftotext"), ["-f", String(p), "-l", String(p), file, "-"], quiet).toString());
    pages.forEach((text, i) => {
      expect(text).toContain(`${i + 1} of 3`);
      expect(text).toContain(label.trackingNumber);
    });
  });

  it("is private: another store's token gets 404; the store's own token gets the PDF", async () => {
    const { label } = await labelFor("Private", "aramex");
    const outsider = await seedStore();
    const get = (token: string) =>
      labelRoute.GET(new Request("http://localhost/api", { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({ shipmentId: label.id }),
      });
    expect((await get(outsider.tokens.OWNER)).status).toBe(404);
    const own = await get(s.tokens.STAFF);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await own.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });
});
