import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { customerRisk, readNationalAddress } from "@/server/customers/customer-risk";
import { transitionOrder } from "@/server/orders/transition-order";
import { isAppError } from "@/server/errors/app-error";
import * as riskRoute from "@/app/api/v1/customers/[customerId]/risk/route";
import * as paymentOptionsRoute from "@/app/api/v1/storefront/payment-options/route";
import { saveRiskSettings } from "@/server/customers/manage-risk-settings";
import { releaseHold } from "@/server/orders/release-hold";
import { readRiskSettings, riskSettingsSchema } from "@/server/customers/risk-settings";
import { api } from "../support/api";
import { orderInput } from "../support/factories";
import { seedOrder, seedStore, uniquePhone } from "../support/factories";

const get = async (token: string, customerId: string) => {
  const res = await riskRoute.GET(new Request("http://localhost/api", { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ customerId }),
  });
  return { status: res.status, body: await res.json() };
};

describe("a customer's cash-on-delivery risk", () => {
  it("scores a customer from their own orders: a parcel refused at the door, the share that came back, orders close together, the address", async () => {
    const s = await seedStore();
    const phone = uniquePhone();
    const delivered = await seedOrder(s, { phone });
    const refused = await seedOrder(s, { phone });
    const latest = await seedOrder(s, { phone });
    for (const to of ["in_progress", "shipped", "delivered"] as const)
      await transitionOrder(s.ctx(), delivered.id, { to, notifyCustomer: false, ...(to === "shipped" ? { shipment: { courierName: "x" } } : {}) });
    for (const to of ["in_progress", "shipped", "returned"] as const)
      await transitionOrder(s.ctx(), refused.id, { to, notifyCustomer: false, ...(to === "shipped" ? { shipment: { courierName: "x" } } : {}) });
    // The carrier brought it back without delivering it.
    await db.shipment.updateMany({ where: { storeId: s.store.id, orderId: refused.id }, data: { status: "RETURNED", deliveredAt: null } });
    const customerId = (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: latest.id } } })).customerId;

    const risk = await customerRisk(s.ctx(), customerId);
    const by = Object.fromEntries(risk.factors.map((f) => [f.factor, f]));
    expect(by.refusedAtDoor).toMatchObject({ value: 1, points: 20, orders: [{ id: refused.id, number: refused.number }] });
    expect(by.returnShare).toMatchObject({ value: 0.5, points: 20 });
    expect(by.codBurst).toMatchObject({ value: 3, points: 15 });
    expect(by.incompleteAddress).toMatchObject({ value: 1, points: 10, orders: [{ id: latest.id, number: latest.number }] });
    expect(by.firstOrderAboveMedian.points).toBe(0);
    expect(by.unconfirmed.points + by.canceledAfterConfirming.points).toBe(0);
    expect([risk.score, risk.band]).toEqual([65, "high"]);

    // The API says the same to the store's token, and nothing to another store's.
    const own = await get(s.tokens.STAFF, customerId);
    expect(own.status).toBe(200);
    expect(own.body.data).toMatchObject({ customerId, score: 65, band: "high" });
    const other = await seedStore();
    expect((await get(other.tokens.OWNER, customerId)).status).toBe(404);
    const stranger = await customerRisk(other.ctx(), customerId).catch((e: unknown) => e);
    expect(isAppError(stranger) && stranger.code).toBe("NOT_FOUND");
  });

  it("a new customer with one modest order and a full national address is low risk", async () => {
    const s = await seedStore();
    const order = await seedOrder(s, { shipping: { city: "الرياض", address: "8228 King Fahd Rd, RRRD2929", method: "Aramex", fee: 2500 } } as never);
    const customerId = (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } })).customerId;
    const risk = await customerRisk(s.ctx(), customerId);
    expect(risk).toMatchObject({ score: 0, band: "low" });
  });

  it("reads the national address out of an address as people write it", () => {
    expect(readNationalAddress("حي العليا، RRRD 2929")).toEqual({ shortAddress: "RRRD 2929", buildingNumber: null });
    expect(readNationalAddress("مبنى رقم ٨٢٢٨، شارع التحلية")).toEqual({ shortAddress: null, buildingNumber: "٨٢٢٨" });
    expect(readNationalAddress("Building 8228, Tahlia St")).toEqual({ shortAddress: null, buildingNumber: "8228" });
    expect(readNationalAddress("شارع التحلية 12")).toEqual({ shortAddress: null, buildingNumber: null });
  });

  it("a store that withholds cash on delivery from high risk refuses such a COD order at intake with the reasons, and the checkout is told first", async () => {
    const s = await seedStore();
    const phone = uniquePhone();
    // Two parcels refused at the door: 40 points, high risk (from 40 in this store).
    for (let i = 0; i < 2; i++) {
      const o = await seedOrder(s, { phone, shipping: { city: "الرياض", address: "RRRD2929", method: "Aramex", fee: 2500 } } as never);
      for (const to of ["in_progress", "shipped", "returned"] as const)
        await transitionOrder(s.ctx(), o.id, { to, notifyCustomer: false, ...(to === "shipped" ? { shipment: { courierName: "x" } } : {}) });
      await db.shipment.updateMany({ where: { storeId: s.store.id, orderId: o.id }, data: { status: "RETURNED", deliveredAt: null } });
    }
    const options = async () => {
      const res = await paymentOptionsRoute.GET(
        new Request(`http://localhost/api/v1/storefront/payment-options?phone=${encodeURIComponent(phone.replace("+966", "0"))}`, {
          headers: { authorization: `Bearer ${s.tokens.OWNER}` },
        }),
        { params: Promise.resolve({}) },
      );
      return { status: res.status, body: await res.json() };
    };
    // Until the store says otherwise, cash on delivery is offered to everyone.
    expect((await options()).body.data.cashOnDelivery).toEqual({ offered: true });
    const accepted = await api.placeOrder(s.tokens.OWNER, orderInput({ phone }));
    expect(accepted.status).toBe(201);

    await saveRiskSettings(s.ctx(), riskSettingsSchema.parse({ bands: { medium: 20, high: 40 }, actions: { medium: "nothing", high: "no_cod" } }));
    const told = (await options()).body.data.cashOnDelivery;
    expect(told).toMatchObject({ offered: false, reason: { code: "COD_NOT_ALLOWED", band: "high" } });
    expect(told.reason.factors).toContainEqual({ factor: "refusedAtDoor", points: 40 });

    const refused = await api.placeOrder(s.tokens.OWNER, orderInput({ phone }));
    expect([refused.status, refused.body.error.code]).toEqual([422, "COD_NOT_ALLOWED"]);
    expect(refused.body.error.fields).toEqual({ "payment.method": "is not offered to this customer" });
    expect(refused.body.error.risk.reasons).toContainEqual({ factor: "refusedAtDoor", points: 40 });
    // Paying by card is still accepted, and another customer's COD order too.
    expect((await api.placeOrder(s.tokens.OWNER, orderInput({ phone, payment: { method: "card" } } as never))).status).toBe(201);
    expect((await api.placeOrder(s.tokens.OWNER, orderInput({ phone: uniquePhone() }))).status).toBe(201);
  });

  it("a band that holds for review: the COD order is placed but held with its reasons; only canceling moves it until a person releases it, once", async () => {
    const s = await seedStore();
    const phone = uniquePhone();
    // Two COD orders that came back: the share that came back puts the customer in the high band.
    for (let i = 0; i < 2; i++) {
      const order = await seedOrder(s, { phone });
      await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: false });
      await transitionOrder(s.ctx(), order.id, { to: "shipped", notifyCustomer: false, shipment: { courierName: "Own driver" } });
      await transitionOrder(s.ctx(), order.id, { to: "returned", notifyCustomer: false });
    }
    await saveRiskSettings(
      s.ctx(),
      riskSettingsSchema.parse({
        weights: { ...readRiskSettings({}).weights, returnShare: 60 },
        bands: { medium: 25, high: 50 },
        actions: { medium: "nothing", high: "hold" },
      }),
    );
    const placed = await api.placeOrder(s.tokens.OWNER, orderInput({ phone }));
    expect(placed.status).toBe(201);
    expect(placed.body.data.heldForReview).toBe(true);
    // The risk as the order was weighed is on the order, for the list and the API.
    expect(placed.body.data.risk).toMatchObject({ band: "high" });
    expect(placed.body.data.risk.reasons).toContainEqual({ factor: "returnShare", points: 60 });
    const id = placed.body.data.id as string;
    const held = await db.orderEvent.findFirstOrThrow({ where: { storeId: s.store.id, orderId: id, type: "order.held" } });
    expect(held.data).toMatchObject({ band: "high" });
    expect((held.data as { reasons: unknown[] }).reasons).toContainEqual({ factor: "returnShare", points: 60 });

    const refusal = await transitionOrder(s.ctx(), id, { to: "in_progress", notifyCustomer: false }).catch((e: unknown) => e);
    expect(isAppError(refusal) && refusal.code).toBe("ORDER_HELD");

    await releaseHold(s.ctx(), id);
    const again = await releaseHold(s.ctx(), id).catch((e: unknown) => e);
    expect(isAppError(again) && again.code).toBe("CONFLICT");
    await transitionOrder(s.ctx(), id, { to: "in_progress", notifyCustomer: false });
    const types = (await db.orderEvent.findMany({ where: { storeId: s.store.id, orderId: id }, orderBy: { createdAt: "asc" } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["order.held", "order.released", "order.status_changed"]));

    // A held order can still be canceled.
    const other = await api.placeOrder(s.tokens.OWNER, orderInput({ phone }));
    expect(other.body.data.heldForReview).toBe(true);
    await transitionOrder(s.ctx(), other.body.data.id, { to: "canceled", notifyCustomer: false });
  });

  it("keeps the bands in order and falls back to the defaults for a document that no longer reads", () => {
    const bad = riskSettingsSchema.safeParse({ bands: { medium: 60, high: 50 } });
    expect(bad.success).toBe(false);
    expect(readRiskSettings({ weights: { nonsense: 1 } })).toEqual(riskSettingsSchema.parse({}));
  });
});
