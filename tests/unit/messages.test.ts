import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import ar from "../../messages/ar.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogs", () => {
  it("Arabic and English have exactly the same keys", () => {
    expect(keys(ar).sort()).toEqual(keys(en).sort());
  });
  it("no message is empty", () => {
    for (const catalog of [en, ar]) for (const k of keys(catalog)) expect(k.split(".").reduce((o: any, p) => o[p], catalog), k).not.toBe("");
  });
  it("every order status, payment method and payment status has words in both languages", async () => {
    const { ORDER_STATUSES, PAYMENT_METHODS, PAYMENT_STATUSES } = await import("@/server/orders/order-status");
    for (const catalog of [en, ar]) {
      for (const s of ORDER_STATUSES) expect(catalog.status).toHaveProperty(s);
      for (const m of PAYMENT_METHODS) expect(catalog.paymentMethod).toHaveProperty(m);
      for (const s of PAYMENT_STATUSES) expect(catalog.paymentStatus).toHaveProperty(s);
    }
  });
  it("every SMS event the store can edit is named in both languages", async () => {
    const { SMS_EVENTS } = await import("@/server/notifications/sms-templates");
    for (const catalog of [en, ar]) for (const e of SMS_EVENTS) expect(catalog.smsSettings.events, e).toHaveProperty(e.replace("order.", ""));
  });
});
