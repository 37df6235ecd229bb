// The warehouse floor: barcodes and bins on variants, the packing station's queue, and packing decided
// again on the server from the tablet's scan log — once per action key, never over someone else's packing.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { setVariantCodes, getVariantCodes } from "@/server/catalog/variant-codes";
import { listProducts } from "@/server/catalog/products";
import { packOrder, packOrderInput } from "@/server/packing/pack-order";
import { lookUpCode, packStation } from "@/server/packing/pack-queue";
import { savePackingSettings } from "@/server/packing/packing-settings";
import { DEFAULT_LATE_RULES, saveLateRules } from "@/server/orders/late-rules";
import { transitionOrder } from "@/server/orders/transition-order";
import { assignOrder } from "@/server/orders/assign-order";
import { issueLabel } from "@/server/shipping/issue-label";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import * as codesRoute from "@/app/api/v1/variants/[variantId]/codes/route";
import { seedOrder } from "../support/factories";
import { labelInput, packedOrder, shippableStore } from "../support/labels";

const EAN_A = "6291041500213";
const at = () => new Date().toISOString();
const scans = (...codes: string[]) => codes.map((code) => ({ code, at: at() }));
const packInput = (extra: Record<string, unknown>) => packOrderInput.parse({ scans: [], ...extra });

/** The codes route handler called in-process, as Next would. */
async function codesApi(method: "GET" | "PUT", variantId: string, token: string, body?: unknown) {
  const request = new Request(`http://localhost/api/v1/variants/${variantId}/codes`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await codesRoute[method](request, { params: Promise.resolve({ variantId }) });
  return { status: response.status, body: await response.json() };
}

describe("barcodes and bins", () => {
  it("a variant keeps several codes and a bin per branch; a wrong check digit and a code another variant has are refused, naming the field", async () => {
    const s = await shippableStore();
    const a = s.variants["SKU-A"];
    const saved = await setVariantCodes(s.ctx(), a, { barcodes: [EAN_A, "dm-a/1"], bins: { [s.branches[0].id]: "A-03-2" } });
    expect(saved).toEqual({ id: a, sku: "SKU-A", barcodes: [EAN_A, "DM-A/1"], bins: { [s.branches[0].id]: "A-03-2" } });

    await expect(setVariantCodes(s.ctx(), a, { barcodes: ["6291041500214"] })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { "barcodes.0": expect.stringMatching(/last digit/) },
    });
    await expect(setVariantCodes(s.ctx(), s.variants["SKU-B"], { barcodes: ["X1", `0${EAN_A}`] })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { "barcodes.1": expect.stringMatching(/SKU-A/) },
    });
    // Nothing of the refused change was kept.
    expect((await getVariantCodes(s.ctx(), s.variants["SKU-B"])).barcodes).toEqual([]);

    // Replacing the list drops what it no longer names; clearing a bin keeps the stock.
    await setVariantCodes(s.ctx(), a, { barcodes: ["DM-A/1"], bins: { [s.branches[0].id]: null } });
    const page = await listProducts(s.ctx(), { limit: 25 });
    const variant = page.data.flatMap((p) => p.variants).find((v) => v.id === a)!;
    expect(variant).toMatchObject({ barcodes: ["DM-A/1"], bins: {}, stock: { [s.branches[0].id]: 10 } });
    await expect(lookUpCode(s.ctx(), "dm-a/1")).resolves.toEqual({ sku: "SKU-A", name: "Product SKU-A" });
    await expect(lookUpCode(s.ctx(), "sku-b")).resolves.toEqual({ sku: "SKU-B", name: "Product SKU-B" });
  });

  it("the API reads and sets a variant's codes; a staff token may not set them", async () => {
    const s = await shippableStore();
    const a = s.variants["SKU-A"];
    const put = await codesApi("PUT", a, s.tokens.ADMIN, { barcodes: [EAN_A], bins: { [s.branches[1].id]: "J-1" } });
    expect(put.status).toBe(200);
    expect(put.body.data).toMatchObject({ barcodes: [EAN_A], bins: { [s.branches[1].id]: "J-1" } });
    const bad = await codesApi("PUT", a, s.tokens.ADMIN, { barcodes: ["12345678"] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields["barcodes.0"]).toMatch(/last digit/);
    expect((await codesApi("PUT", a, s.tokens.STAFF, { barcodes: [] })).status).toBe(403);
    expect((await codesApi("GET", a, s.tokens.STAFF)).body.data.barcodes).toEqual([EAN_A]);
  });
});

describe("the packing station", () => {
  it("the queue holds orders in progress for this person or nobody, late ones first, each with its codes and bins", async () => {
    const s = await shippableStore();
    await setVariantCodes(s.ctx(), s.variants["SKU-A"], { barcodes: [EAN_A], bins: { [s.branches[0].id]: "A-03-2" } });
    const fresh = await packedOrder(s);
    const old = await packedOrder(s);
    const received = await seedOrder(s, { payment: { method: "card", status: "paid" } });
    const someoneElses = await packedOrder(s);
    const other = await db.user.create({ data: { email: `other-${someoneElses.id}@test.test`, name: "Other", passwordHash: "x" } });
    await db.membership.create({ data: { storeId: s.store.id, userId: other.id, role: "STAFF" } });
    await assignOrder(s.ctx(), someoneElses.id, other.id);
    // Time injected: one order has been in progress for 30 hours, past the store's 24.
    await db.order.update({ where: { storeId_id: { storeId: s.store.id, id: old.id } }, data: { inProgressAt: new Date(Date.now() - 30 * 3600_000) } });

    const station = await packStation(s.ctx(), {});
    expect(station.orders.map((o) => o.id)).toEqual([old.id, fresh.id]);
    expect(station.orders.map((o) => o.late)).toEqual([true, false]);
    expect(station.orders.map((o) => o.id)).not.toContain(received.id);
    expect(station.orders[1].lines).toEqual([
      expect.objectContaining({ sku: "SKU-A", quantity: 2, bin: "A-03-2", keys: expect.arrayContaining(["06291041500213", "SKU-A"]) }),
    ]);
    await saveLateRules(s.ctx(), { ...DEFAULT_LATE_RULES, inProgressHours: 48 });
    expect((await packStation(s.ctx(), {})).orders.map((o) => o.late)).toEqual([false, false]);
    // One branch only.
    expect((await packStation(s.ctx(), { branch: s.branches[2].id })).orders).toEqual([]);
  });

  it("packing decides the scan log again, records it with the timeline's words, and a replay of the same action lands once", async () => {
    const s = await shippableStore();
    await setVariantCodes(s.ctx(), s.variants["SKU-A"], { barcodes: [EAN_A] });
    const order = await packedOrder(s);
    const input = packInput({ scans: scans(EAN_A, "SKU-B", "sku-a", EAN_A), weightGrams: 1200, boxPresetId: null });
    const first = await packOrder(s.ctx(), order.id, input, "tablet-key-0001");
    expect(first).toMatchObject({ scannedUnits: 2, totalUnits: 2, refusedScans: 2, complete: true });
    const again = await packOrder(s.ctx(), order.id, input, "tablet-key-0001");
    expect(again).toEqual(first);
    const packs = await db.orderPack.findMany({ where: { storeId: s.store.id, orderId: order.id } });
    expect(packs).toHaveLength(1);
    expect((packs[0].scans as { outcome: string }[]).map((x) => x.outcome)).toEqual(["ok", "wrong", "ok", "extra"]);
    const events = await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId: order.id, type: "order.packed" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorName: s.owner.name, data: expect.objectContaining({ scannedUnits: 2, totalUnits: 2, refusedScans: 2 }) });

    // Another tablet that read the order before this packing: a conflict, told who packed it; nothing written.
    await expect(packOrder(s.ctx(), order.id, packInput({ scans: scans(EAN_A, EAN_A) }), "tablet-key-0002")).rejects.toMatchObject({
      code: "CONFLICT",
      say: { key: "packedMeanwhile", params: { name: s.owner.name } },
    });
    // Knowing it, packing again is a new packing.
    await packOrder(s.ctx(), order.id, packInput({ lastPackId: first.packId, scans: scans(EAN_A) }), "tablet-key-0003");
    expect(await db.orderPack.count({ where: { storeId: s.store.id, orderId: order.id } })).toBe(2);

    // An order moved on while offline: the replay is refused with its status, not applied.
    const canceled = await packedOrder(s);
    await transitionOrder(s.ctx(), canceled.id, { to: "canceled", notifyCustomer: false });
    await expect(packOrder(s.ctx(), canceled.id, packInput({ scans: scans(EAN_A, EAN_A) }), "tablet-key-0004")).rejects.toMatchObject({
      code: "CONFLICT",
      say: { key: "packOrderMoved" },
    });
    // The same key for another body is refused.
    await expect(packOrder(s.ctx(), order.id, packInput({ scans: scans("X") }), "tablet-key-0001")).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });

  it("a store that requires a complete scan refuses an incomplete packing and a label before one; the packed parcel's box and weight reach the label", async () => {
    const s = await shippableStore();
    await savePackingSettings(s.ctx(), { requireScan: true });
    await setVariantCodes(s.ctx(), s.variants["SKU-A"], { barcodes: [EAN_A] });
    const order = await packedOrder(s);
    await expect(issueLabel(s.ctx(), order.id, labelInput(s), {}, { adapters: carrierAdapters() })).rejects.toMatchObject({ code: "PACK_INCOMPLETE" });
    await expect(packOrder(s.ctx(), order.id, packInput({ scans: scans(EAN_A) }), "key-incomplete-1")).rejects.toMatchObject({
      code: "PACK_INCOMPLETE",
      fields: { scans: expect.stringMatching(/1 of 2/) },
    });
    expect(await db.walletEntry.count({ where: { storeId: s.store.id, kind: "LABEL" } })).toBe(0);
    const box = await db.boxPreset.create({ data: { storeId: s.store.id, name: "Medium", lengthMm: 300, widthMm: 200, heightMm: 150 } });
    await packOrder(s.ctx(), order.id, packInput({ scans: scans(EAN_A, EAN_A), boxPresetId: box.id, weightGrams: 900 }), "key-complete-1");
    const pack = await db.orderPack.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id } });
    expect(pack).toMatchObject({ lengthMm: 300, widthMm: 200, heightMm: 150, weightGrams: 900, boxPresetId: box.id });
    await expect(issueLabel(s.ctx(), order.id, labelInput(s), {}, { adapters: carrierAdapters() })).resolves.toMatchObject({ carrier: "aramex" });
  });

  it("the parcel's photo is re-encoded and kept with the packing; another store's box is refused", async () => {
    const s = await shippableStore();
    const order = await packedOrder(s);
    const sharp = (await import("sharp")).default;
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c08040" } })
      .png()
      .toBuffer();
    const result = await packOrder(
      s.ctx(),
      order.id,
      packInput({ scans: scans("SKU-A", "SKU-A"), photo: `data:image/png;base64,${png.toString("base64")}` }),
      "photo-key-01",
    );
    const { packPhoto } = await import("@/server/packing/pack-order");
    const bytes = await packPhoto(s.ctx(), result.packId);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const other = await shippableStore();
    await expect(packPhoto(other.ctx(), result.packId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const foreignBox = await db.boxPreset.create({ data: { storeId: other.store.id, name: "Theirs", lengthMm: 1, widthMm: 1, heightMm: 1 } });
    const next = await packedOrder(s);
    await expect(packOrder(s.ctx(), next.id, packInput({ scans: [], boxPresetId: foreignBox.id }), "box-key-001")).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await expect(packOrder(s.ctx(), next.id, packInput({ scans: [], photo: "data:image/png;base64,AAAA" }), "photo-key-02")).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });
});
