// Settings → Shipping through its real server actions: membership of the store in the URL and the role
// are checked by the one action client; the session (a browser cookie) and Next's page cache are the
// only stand-ins.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { seedOrder, seedStore, type SeededStore } from "../support/factories";

let signedIn: string | null = null;
vi.mock("@/server/auth/session", () => ({
  currentUserId: async () => signedIn,
  currentSession: async () => (signedIn ? { userId: signedIn, sessionId: "00000000-0000-7000-8000-000000000000" } : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("@/app/s/[storeSlug]/settings/shipping/actions");
const walletActions = await import("@/app/s/[storeSlug]/wallet/actions");

beforeEach(() => {
  signedIn = null;
});

async function member(s: SeededStore, role: "ADMIN" | "STAFF") {
  const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${crypto.randomUUID()}@test.test`, name: role, passwordHash: "x" } });
  await db.membership.create({ data: { storeId: s.store.id, userId: user.id, role } });
  return user.id;
}

const branch = {
  name: "Khobar",
  city: "الخبر",
  district: "الثقبة",
  address: "شارع الأمير سلطان",
  phone: "0138001234",
  pickupContactName: "Noura",
  pickupContactPhone: "0551234567",
  workingHours: { sat: { open: "09:00", close: "21:00" }, fri: { open: "16:00", close: "22:00" } },
  isDefault: false,
};

describe("Settings → Shipping: branches", () => {
  it("an admin adds a branch with hours and a pickup contact (phones stored in international form) and moves the default to it", async () => {
    const s = await seedStore();
    signedIn = await member(s, "ADMIN");
    const created = await actions.saveBranchAction(s.store.slug, { branch });
    expect(created).toMatchObject({
      ok: true,
      data: { name: "Khobar", phone: "+966138001234", pickupContactPhone: "+966551234567", isDefault: false, workingHours: branch.workingHours },
    });
    const id = created.ok ? created.data.id : "";
    expect(await actions.saveBranchAction(s.store.slug, { branchId: id, branch: { ...branch, isDefault: true } })).toMatchObject({
      ok: true,
      data: { isDefault: true },
    });
    const defaults = await db.branch.findMany({ where: { storeId: s.store.id, isDefault: true } });
    expect(defaults.map((b) => b.id)).toEqual([id]);
  });

  it("names the field and the rule for bad input, and saves nothing", async () => {
    const s = await seedStore();
    signedIn = s.owner.id;
    const result = await actions.saveBranchAction(s.store.slug, {
      branch: { ...branch, name: " ", phone: "12", workingHours: { sat: { open: "22:00", close: "09:00" }, mon: { open: "9am", close: "17:00" } } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("VALIDATION_FAILED");
    expect(result.error.fields).toMatchObject({
      "branch.name": "must not be empty",
      "branch.phone": expect.stringContaining("phone number"),
      "branch.workingHours.sat.close": "must close after it opens",
      "branch.workingHours.mon.open": "must be a time like 09:00",
    });
    expect(await db.branch.count({ where: { storeId: s.store.id } })).toBe(3);
  });

  it("archive keeps history; the last branch cannot be archived; delete is refused with open shipments or orders, allowed when unused", async () => {
    const s = await seedStore();
    signedIn = s.owner.id;
    const [riyadh, jeddah, dammam] = s.branches;
    // An order ships from Dammam with a label still with the carrier.
    const order = await seedOrder(s);
    await db.order.update({ where: { storeId_id: { storeId: s.store.id, id: order.id } }, data: { branchId: dammam.id } });
    await db.shipment.create({
      data: {
        storeId: s.store.id,
        orderId: order.id,
        kind: "CARRIER",
        carrier: "aramex",
        courierName: "Aramex",
        destinationCity: "riyadh",
        trackingNumber: "12345678901",
        status: "IN_TRANSIT",
        branchId: dammam.id,
      },
    });

    expect(await actions.branchLifecycleAction(s.store.slug, { branchId: dammam.id, op: "delete" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "Archive the branch before deleting it." },
    });
    expect(await actions.branchLifecycleAction(s.store.slug, { branchId: dammam.id, op: "archive" })).toMatchObject({ ok: true });
    expect(await actions.branchLifecycleAction(s.store.slug, { branchId: dammam.id, op: "delete" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining("1 open shipment") },
    });
    await db.shipment.updateMany({ where: { storeId: s.store.id, orderId: order.id }, data: { status: "DELIVERED" } });
    expect(await actions.branchLifecycleAction(s.store.slug, { branchId: dammam.id, op: "delete" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", details: { orders: 1 } },
    });

    // The default (Riyadh) is archived: the default moves to a live branch.
    expect(await actions.branchLifecycleAction(s.store.slug, { branchId: riyadh.id, op: "archive" })).toMatchObject({ ok: true });
    expect((await db.branch.findMany({ where: { storeId: s.store.id, isDefault: true } })).map((b) => b.id)).toEqual([jeddah.id]);
    expect(await actions.branchLifecycleAction(s.store.slug, { branchId: jeddah.id, op: "archive" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining("only branch") },
    });

    // Riyadh has no orders of this store and nothing open: restore works, and an archived unused branch can go.
    expect(await actions.branchLifecycleAction(s.store.slug, { branchId: riyadh.id, op: "restore" })).toMatchObject({ ok: true });
    expect(await actions.branchLifecycleAction(s.store.slug, { branchId: riyadh.id, op: "archive" })).toMatchObject({ ok: true });
    expect(await actions.branchLifecycleAction(s.store.slug, { branchId: riyadh.id, op: "delete" })).toMatchObject({ ok: true });
    expect(await db.branch.count({ where: { storeId: s.store.id, id: riyadh.id } })).toBe(0);
    // Archived branches are out of the API list and the order filters.
    const { listBranches } = await import("@/server/shipping/manage-branches");
    expect((await listBranches(s.ctx())).map((b) => b.name)).toEqual(["Jeddah"]);
  });
});

describe("Settings → Shipping: carriers, couriers, boxes, carrier updates", () => {
  it("an admin sets a carrier's account and rate card; a courier and a box size are added and removed", async () => {
    const s = await seedStore();
    signedIn = await member(s, "ADMIN");
    const rates = { firstKg: 1500, perAdditionalKg: 250, codFee: 500, volumetricDivisor: 6000, weightStepGrams: 1000 };
    expect(await actions.saveCarrierAction(s.store.slug, { carrier: "dhl", enabled: true, accountNumber: "DHL-778", rates })).toMatchObject({ ok: true });
    expect(await db.carrierAccount.findUniqueOrThrow({ where: { storeId_carrier: { storeId: s.store.id, carrier: "dhl" } } })).toMatchObject({
      enabled: true,
      accountNumber: "DHL-778",
      ...rates,
    });
    const badRates = await actions.saveCarrierAction(s.store.slug, {
      carrier: "dhl",
      enabled: true,
      rates: { ...rates, volumetricDivisor: 5, firstKg: Number.NaN },
    });
    expect(badRates).toMatchObject({ ok: false, error: { fields: { "rates.volumetricDivisor": expect.any(String), "rates.firstKg": expect.any(String) } } });

    expect(await actions.saveCourierAction(s.store.slug, { courier: { name: "Abu Saad delivery", phone: "0501112233" } })).toMatchObject({ ok: true });
    const courier = await db.manualCourier.findFirstOrThrow({ where: { storeId: s.store.id, name: "Abu Saad delivery" } });
    expect(courier.phone).toBe("+966501112233");
    expect(await actions.archiveCourierAction(s.store.slug, { courierId: courier.id })).toMatchObject({ ok: true });
    const { listCarriers } = await import("@/server/shipping/carrier-settings");
    expect((await listCarriers(s.ctx())).some((c) => c.id === courier.id)).toBe(false);

    const box = await actions.createBoxAction(s.store.slug, { name: "Shoe box", lengthCm: 33.5, widthCm: 21, heightCm: 12 });
    expect(box).toMatchObject({ ok: true, data: { name: "Shoe box", lengthCm: 33.5, widthCm: 21, heightCm: 12 } });
    expect(await actions.createBoxAction(s.store.slug, { name: "", lengthCm: 0, widthCm: 400, heightCm: 10 })).toMatchObject({
      ok: false,
      error: { fields: { name: "must not be empty", lengthCm: expect.any(String), widthCm: expect.any(String) } },
    });
    if (box.ok) expect(await actions.deleteBoxAction(s.store.slug, { presetId: box.data.id })).toMatchObject({ ok: true });

    expect(await actions.saveShippingPreferencesAction(s.store.slug, { carriersUpdateStatus: false })).toMatchObject({ ok: true });
    expect((await db.store.findUniqueOrThrow({ where: { id: s.store.id } })).carriersUpdateStatus).toBe(false);
  });

  it("staff use shipping settings but cannot change them; an outsider gets not found; nothing changes", async () => {
    const s = await seedStore();
    const outsider = await seedStore();
    const before = JSON.stringify(await db.branch.findMany({ where: { storeId: s.store.id }, orderBy: { id: "asc" } }));
    signedIn = await member(s, "STAFF");
    const calls = [
      () => actions.saveBranchAction(s.store.slug, { branch }),
      () => actions.branchLifecycleAction(s.store.slug, { branchId: s.branches[1].id, op: "archive" }),
      () => actions.saveCarrierAction(s.store.slug, { carrier: "spl", enabled: true }),
      () => actions.saveCourierAction(s.store.slug, { courier: { name: "X", phone: "" } }),
      () => actions.createBoxAction(s.store.slug, { name: "B", lengthCm: 10, widthCm: 10, heightCm: 10 }),
      () => actions.saveShippingPreferencesAction(s.store.slug, { carriersUpdateStatus: false }),
      () => walletActions.setLowBalanceThresholdAction(s.store.slug, { lowBalanceThreshold: 1 }),
    ];
    for (const call of calls) expect(await call()).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    signedIn = outsider.owner.id;
    for (const call of calls) expect(await call()).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // The outsider's own store with the victim's ids: not found there either.
    expect(await actions.branchLifecycleAction(outsider.store.slug, { branchId: s.branches[1].id, op: "archive" })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await actions.saveBranchAction(outsider.store.slug, { branchId: s.branches[1].id, branch })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(JSON.stringify(await db.branch.findMany({ where: { storeId: s.store.id }, orderBy: { id: "asc" } }))).toBe(before);
    expect(await db.manualCourier.count({ where: { storeId: s.store.id, name: "X" } })).toBe(0);
    expect((await db.store.findUniqueOrThrow({ where: { id: s.store.id } })).carriersUpdateStatus).toBe(true);
  });

  it("the low-balance threshold: owners and admins set it, the wallet warns below it", async () => {
    const s = await seedStore();
    signedIn = await member(s, "ADMIN");
    expect(await walletActions.setLowBalanceThresholdAction(s.store.slug, { lowBalanceThreshold: 20_000 })).toMatchObject({
      ok: true,
      data: { lowBalanceThreshold: 20_000, low: true },
    });
    expect(await walletActions.setLowBalanceThresholdAction(s.store.slug, { lowBalanceThreshold: -5 })).toMatchObject({
      ok: false,
      error: { fields: { lowBalanceThreshold: expect.any(String) } },
    });
    expect(await walletActions.setLowBalanceThresholdAction(s.store.slug, { lowBalanceThreshold: 0 })).toMatchObject({ ok: true, data: { low: false } });
  });

  it("the packaging-materials request is checked field by field and written in the carrier's template; the platform's account and the supplies address are the installation's", async () => {
    const s = await seedStore();
    signedIn = s.owner.id;
    const form = {
      storeNumber: "ARX-5521",
      contactName: "Sara",
      phone: "0501234567",
      email: "sara@example.com",
      city: "Riyadh",
      address: "Olaya St 12",
      items: { flyer_medium: 1 },
    };
    vi.stubEnv("ARAMEX_SUPPLIES_EMAIL", "");
    vi.stubEnv("ARAMEX_PLATFORM_ACCOUNT", "");
    expect(await actions.packagingEmailAction(s.store.slug, form)).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: expect.stringContaining("not set up") },
    });
    vi.stubEnv("ARAMEX_SUPPLIES_EMAIL", "supplies@example.com");
    vi.stubEnv("ARAMEX_PLATFORM_ACCOUNT", "165623");
    const bad = await actions.packagingEmailAction(s.store.slug, { ...form, storeNumber: "", phone: "x", email: "nope", items: {} });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.error.fields ?? {}).sort()).toEqual(["email", "items", "phone", "storeNumber"]);
    const good = await actions.packagingEmailAction(s.store.slug, { ...form, items: { flyer_medium: 200, box_small: 0, box_large: 20 } });
    expect(good).toMatchObject({ ok: true, data: { subject: "Packaging Supplies Request – Account ARX-5521 – Partner 165623" } });
    if (good.ok) {
      expect(good.data.body).toContain("Flyer M (35 × 45): 200");
      expect(good.data.body).toContain("Box L (45 × 35 × 25): 20");
      expect(good.data.body).not.toContain("Box S");
      expect(good.data.body).toContain("Mobile: +966501234567");
      expect(good.data.to).toBe("supplies@example.com");
    }
    vi.unstubAllEnvs();
  });
});
