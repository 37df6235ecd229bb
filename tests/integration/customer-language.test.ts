// A customer reads their own language: the storefront says it at intake, staff can change it on the
// customer page; their SMS, order page and review page follow it; a store default covers the rest.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { placeOrder } from "@/server/orders/place-order";
import { placeOrderInput } from "@/server/orders/schemas";
import { transitionOrder } from "@/server/orders/transition-order";
import { setCustomerPreferences } from "@/server/customers/customer-preferences";
import { getCustomer } from "@/server/customers/get-customer";
import { customerOrderByToken } from "@/server/orders/customer-view";
import { publicPageLocale } from "@/i18n/public-page";
import { orderInput, seedStore } from "../support/factories";

describe("the customer's language", () => {
  it("comes from the storefront at intake, can be changed, and every SMS and page of theirs follows it", async () => {
    const s = await seedStore();
    await db.store.update({ where: { id: s.store.id }, data: { locale: "ar", smsMode: "PLATFORM" } });
    const phone = "+966561230001";
    const input = (locale?: "ar" | "en") =>
      placeOrderInput.parse(orderInput({ phone, customer: { name: "Sara", phone, ...(locale ? { locale } : {}) } } as never));
    const { order } = await placeOrder(s.ctx(), input("en"), { source: "API" });
    expect((await getCustomer(s.ctx(), order.customer.id)).locale).toBe("en");

    await transitionOrder(s.ctx(), order.id, { to: "in_progress", notifyCustomer: true });
    const sms = await db.smsMessage.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id }, orderBy: { createdAt: "desc" } });
    expect(sms.body).not.toMatch(/[\u0600-\u06FF]/);
    expect(sms.body).toContain("Sara");
    const token = (await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } }, select: { publicToken: true } }))
      .publicToken;
    expect(await publicPageLocale(`o:${token}`)).toBe("en");
    expect((await customerOrderByToken(token)).store.locale).toBe("en");

    // A later order without a language keeps the one known; staff change it on the customer page.
    await placeOrder(s.ctx(), input(), { source: "API" });
    expect((await getCustomer(s.ctx(), order.customer.id)).locale).toBe("en");
    await setCustomerPreferences(s.ctx(), order.customer.id, { locale: null });
    await transitionOrder(s.ctx(), order.id, { to: "canceled", notifyCustomer: true });
    const arabic = await db.smsMessage.findFirstOrThrow({ where: { storeId: s.store.id, orderId: order.id }, orderBy: { createdAt: "desc" } });
    expect(arabic.body).toMatch(/[\u0600-\u06FF]/);
    expect(await publicPageLocale(`o:${token}`)).toBe("ar");

    // Another store's customer is "not found".
    const other = await seedStore();
    await expect(setCustomerPreferences(other.ctx(), order.customer.id, { locale: "en" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
