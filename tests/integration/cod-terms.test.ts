// The store's terms for cash on delivery: a fee added at intake and shown on the order, and the order
// values it is offered for, city by city — refused through the API with the limit named, and told to the
// checkout before it offers cash on delivery.
import { describe, expect, it } from "vitest";
import * as paymentOptionsRoute from "@/app/api/v1/storefront/payment-options/route";
import { saveCodTerms } from "@/server/orders/manage-cod-terms";
import { codTermsSchema } from "@/server/orders/cod-terms";
import { customerOrderByToken } from "@/server/orders/customer-view";
import { db } from "@/server/db/client";
import { api } from "../support/api";
import { orderInput, seedStore, uniquePhone } from "../support/factories";

describe("cash-on-delivery fee and limits", () => {
  it("a COD order pays the city's fee in its total; outside the city's limits it is refused with the limit; a card order pays no fee", async () => {
    const s = await seedStore();
    await saveCodTerms(s.ctx(), codTermsSchema.parse({ fee: 1500, min: 1000, max: null, cities: [{ city: "jeddah", fee: 0, min: null, max: 5000 }] }));

    const riyadh = await api.placeOrder(s.tokens.OWNER, orderInput());
    expect(riyadh.status).toBe(201);
    const totals = riyadh.body.data.totals;
    expect(totals.codFee).toBe(1500);
    expect(totals.total).toBe(totals.subtotal + totals.shipping + 1500);
    const row = await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: riyadh.body.data.id } } });
    expect(row.codFee).toBe(1500);
    // The customer's own page shows the fee among the totals.
    const view = await customerOrderByToken(row.publicToken);
    expect(view.totals.codFee).toBe(1500);

    const card = await api.placeOrder(s.tokens.OWNER, orderInput({ payment: { method: "card", status: "paid" } } as never));
    expect(card.body.data.totals.codFee).toBe(0);

    // Jeddah (spelt in English here) has its own terms: no fee, at most SAR 50.
    const jeddah = await api.placeOrder(
      s.tokens.OWNER,
      orderInput({ shipping: { city: "Jeddah", address: "Tahlia 1", method: "Aramex", fee: 2500 } } as never),
    );
    expect([jeddah.status, jeddah.body.error.code]).toEqual([422, "COD_NOT_ALLOWED"]);
    // (Money is written as Intl writes it: a no-break space after the currency.)
    expect(jeddah.body.error.message).toMatch(/^Cash on delivery is offered for orders of at most SAR\s50\.00\.$/);
    expect(jeddah.body.error.fields["payment.method"]).toMatch(/^cash on delivery is for orders of at most SAR\s50\.00$/);
    expect(jeddah.body.error.terms).toMatchObject({ rule: "above_maximum", limit: 5000, city: "jeddah" });
    expect(await db.order.count({ where: { storeId: s.store.id } })).toBe(2);
  });

  it("the checkout asks first: offered with the city's fee, or not with the rule and the limit", async () => {
    const s = await seedStore();
    await saveCodTerms(s.ctx(), codTermsSchema.parse({ fee: 1500, min: 10_000, max: null, cities: [{ city: "الدمام", fee: 900, min: null, max: null }] }));
    const ask = async (query: string) => {
      const res = await paymentOptionsRoute.GET(
        new Request(`http://localhost/api/v1/storefront/payment-options?phone=${encodeURIComponent(uniquePhone())}&${query}`, {
          headers: { authorization: `Bearer ${s.tokens.OWNER}` },
        }),
        { params: Promise.resolve({}) },
      );
      return (await res.json()).data.cashOnDelivery;
    };
    expect(await ask("city=Riyadh&amount=20000")).toEqual({ offered: true, fee: 1500, currency: "SAR" });
    expect(await ask("city=Riyadh&amount=5000")).toMatchObject({ offered: false, reason: { code: "COD_NOT_ALLOWED", rule: "below_minimum", limit: 10_000 } });
    expect(await ask("city=Dammam&amount=5000")).toEqual({ offered: true, fee: 900, currency: "SAR" });
    expect(await ask("city=Dammam")).toEqual({ offered: true, fee: 900, currency: "SAR" });
  });

  it("limits in order, each city once", () => {
    expect(codTermsSchema.safeParse({ min: 500, max: 100 }).error?.issues[0].path).toEqual(["max"]);
    expect(codTermsSchema.safeParse({ cities: [{ city: "Riyadh" }, { city: "الرياض" }] }).error?.issues[0].path).toEqual(["cities"]);
    expect(codTermsSchema.safeParse({ cities: [{ city: "riyadh", min: 10, max: 5 }] }).error?.issues[0].path).toEqual(["cities", 0, "max"]);
  });
});
