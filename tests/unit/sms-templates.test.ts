import { describe, expect, it } from "vitest";
import { composeCustomerSms, renderTemplate, smsEventFor, statusWords, templateFor } from "@/server/notifications/sms-templates";

const store = { name: "متجر التجربة", locale: "ar", smsTemplates: {} };
const order = { number: 1042, customerName: "سارة" };

describe("SMS templates", () => {
  it("render the built-in Arabic template with the status in the customer's words", () => {
    expect(composeCustomerSms({ store, order, event: "order.status_changed", status: "out_for_delivery", note: "المندوب في الطريق" })).toBe(
      "مرحبًا سارة، حالة طلبك #1042 من متجر التجربة: جارٍ التوصيل. المندوب في الطريق",
    );
  });

  it("render English for an English store, and drop the space an empty note leaves", () => {
    expect(
      composeCustomerSms({
        store: { ...store, name: "Demo", locale: "en" },
        order: { number: 7, customerName: "Sara" },
        event: "order.canceled",
        status: "canceled",
      }),
    ).toBe("Hi Sara, your Demo order #7 was canceled.");
  });

  it("use the store's own template when it has one, per language", () => {
    const templates = { "order.status_changed": { en: "Order {order_number}: {status}" } };
    expect(templateFor("order.status_changed", "en", templates)).toBe("Order {order_number}: {status}");
    expect(templateFor("order.status_changed", "ar", templates)).toContain("مرحبًا");
    expect(composeCustomerSms({ store: { ...store, locale: "en", smsTemplates: templates }, order, event: "order.status_changed", status: "shipped" })).toBe(
      "Order #1042: Shipped",
    );
  });

  it("leave unknown placeholders visible so the merchant sees the typo in the preview", () => {
    expect(renderTemplate("Hi {customer_nme}, {order_number}", { order_number: "#1" })).toBe("Hi {customer_nme}, #1");
  });

  it("pick the event a move sends", () => {
    expect(smsEventFor("canceled")).toBe("order.canceled");
    expect(smsEventFor("refunded")).toBe("order.refunded");
    expect(smsEventFor("in_progress")).toBe("order.status_changed");
  });

  it("have words for every status in both languages", () => {
    expect(statusWords("delivered", "en")).toBe("Delivered");
    expect(statusWords("delivered", "ar")).toBe("تم التوصيل");
  });
});
