// The national address: taken at intake in its own fields (typed as people type them), shown complete or
// not on the order, looked up by short address, and required before a label by a carrier that needs it
// when the store says so.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { issueLabel } from "@/server/shipping/issue-label";
import { carrierAdapters } from "@/server/shipping/carrier-simulator";
import { saveShippingPreferences } from "@/server/shipping/shipping-preferences";
import { transitionOrder } from "@/server/orders/transition-order";
import { lookUpShortAddress } from "@/server/shipping/national-address";
import { api } from "../support/api";
import { orderInput, seedOrder } from "../support/factories";
import { labelInput, shippableStore } from "../support/labels";

const shipping = (extra: Record<string, unknown>) => ({
  city: "الرياض",
  district: "العليا",
  address: "طريق الملك فهد",
  postalCode: "12211",
  method: "SPL",
  fee: 2500,
  ...extra,
});

describe("national address", () => {
  it("intake takes the short address and numbers as people type them, refuses a malformed one naming the field, and the order says what is missing", async () => {
    const s = await shippableStore();
    const typed = await api.placeOrder(s.tokens.OWNER, orderInput({ shipping: shipping({ shortAddress: "rrrd ٢٩٢٩", buildingNumber: "٢٣٢٢" }) } as never));
    expect(typed.status).toBe(201);
    expect(typed.body.data.shipping.nationalAddress).toEqual({ buildingNumber: "2322", additionalNumber: null, shortAddress: "RRRD2929", missing: [] });
    const customer = await db.customer.findFirstOrThrow({ where: { storeId: s.store.id, phone: typed.body.data.customer.phone } });
    expect(customer.shortAddress).toBe("RRRD2929");

    const bad = await api.placeOrder(s.tokens.OWNER, orderInput({ shipping: shipping({ buildingNumber: "23", shortAddress: "RRR2929" }) } as never));
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["shipping.buildingNumber", "shipping.shortAddress"]);
    expect(bad.body.error.fields["shipping.buildingNumber"]).toMatch(/4 digits/);

    const partial = await api.placeOrder(s.tokens.OWNER, orderInput({ shipping: shipping({ district: undefined, postalCode: undefined }) } as never));
    expect(partial.body.data.shipping.nationalAddress.missing).toEqual(["buildingNumber", "district", "postalCode", "shortAddress"]);
  });

  it("a short address is looked up in the national address service (its simulator), in either language; an unknown one is not found", async () => {
    await expect(lookUpShortAddress("rrrd2929", "ar")).resolves.toMatchObject({ city: "الرياض", postalCode: "12211", buildingNumber: "2322" });
    await expect(lookUpShortAddress("RRRD 2929", "en")).resolves.toMatchObject({ city: "Riyadh", street: "King Fahd Road" });
    await expect(lookUpShortAddress("ZZZZ0000", "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(lookUpShortAddress("R2929", "en")).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("a carrier that needs the national address: the label is refused for an incomplete one when the store says so, and bought once it is complete or for a carrier that does not", async () => {
    const s = await shippableStore({ carriers: ["spl", "aramex"] });
    await saveShippingPreferences(s.ctx(), { refuseIncompleteAddress: true });
    const incomplete = await seedOrder(s, { payment: { method: "card", status: "paid" }, shipping: shipping({ postalCode: undefined }) } as never);
    await transitionOrder(s.ctx(), incomplete.id, { to: "in_progress", notifyCustomer: false });
    const spl = labelInput(s, { carrier: "spl" });
    await expect(issueLabel(s.ctx(), incomplete.id, spl, {}, { adapters: carrierAdapters() })).rejects.toMatchObject({ code: "ADDRESS_INCOMPLETE" });
    expect(await db.walletEntry.count({ where: { storeId: s.store.id, kind: "LABEL" } })).toBe(0);
    // Aramex does not need it.
    await expect(issueLabel(s.ctx(), incomplete.id, labelInput(s), {}, { adapters: carrierAdapters() })).resolves.toMatchObject({ carrier: "aramex" });

    const complete = await seedOrder(s, { payment: { method: "card", status: "paid" }, shipping: shipping({ shortAddress: "RRRD2929" }) } as never);
    await transitionOrder(s.ctx(), complete.id, { to: "in_progress", notifyCustomer: false });
    await expect(issueLabel(s.ctx(), complete.id, spl, {}, { adapters: carrierAdapters() })).resolves.toMatchObject({ carrier: "spl" });

    // A store that warns only: bought, the form having said so.
    await saveShippingPreferences(s.ctx(), { refuseIncompleteAddress: false });
    const warned = await seedOrder(s, { payment: { method: "card", status: "paid" }, shipping: shipping({ postalCode: undefined }) } as never);
    await transitionOrder(s.ctx(), warned.id, { to: "in_progress", notifyCustomer: false });
    await expect(issueLabel(s.ctx(), warned.id, spl, {}, { adapters: carrierAdapters() })).resolves.toMatchObject({ carrier: "spl" });
  });
});
