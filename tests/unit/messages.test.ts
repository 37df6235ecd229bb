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
    for (const catalog of [en, ar])
      for (const k of keys(catalog))
        expect(
          k.split(".").reduce((o: any, p) => o[p], catalog),
          k,
        ).not.toBe("");
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

  it("every error code has words in both languages, and the codes are the ones the HTTP mapping knows", async () => {
    const { ERROR_CODES } = await import("@/server/errors/app-error");
    const { httpStatusOf } = await import("@/server/errors/error-catalog");
    expect([...ERROR_CODES].sort()).toEqual(Object.keys(httpStatusOf).sort());
    for (const catalog of [en, ar]) for (const code of ERROR_CODES) expect(catalog.errors, code).toHaveProperty(code);
  });
  it("every problem an imported file can have is said in both languages, with its parameters", async () => {
    const { createTranslator } = await import("use-intl/core");
    const { PROBLEM_RULES } = await import("@/server/catalog/import-plan");
    for (const [locale, catalog] of [
      ["en", en],
      ["ar", ar],
    ] as const) {
      const t = createTranslator({
        locale,
        messages: catalog as never,
        onError: (e) => {
          throw e;
        },
      });
      for (const rule of PROBLEM_RULES)
        expect(t(`catalogImport.problems.${rule}` as never, { row: 3, max: 10, n: 2, name: "X", code: "6291041500213" } as never), rule).not.toContain(
          "catalogImport",
        );
    }
  });
  it("every carrier has a name in both languages", async () => {
    const { CARRIER_IDS } = await import("@/server/shipping/carriers");
    for (const catalog of [en, ar]) for (const c of CARRIER_IDS) expect(catalog.carrierName, c).toHaveProperty(c);
  });
  it("every error message and field rule renders in both languages with its parameters (no broken ICU, no missing word)", async () => {
    const { createTranslator } = await import("use-intl/core");
    const sample = {
      n: 3,
      amount: "SAR 10.00",
      balance: "SAR 1.00",
      seconds: 30,
      name: "Sara",
      status: "Shipped",
      from: "Received",
      to: "Delivered",
      allowed: "Canceled",
      carrier: "Aramex",
      reason: "x",
      skus: "A-1",
      date: "2026-01-01",
      example: "09:00",
      sku: "A-1",
      format: "email",
      type: "int",
      values: "a, b",
      invited: "a@example.com",
      you: "b@example.com",
      rows: "2, 5",
      score: 40,
      lines: "SAR 90.00",
      stated: "SAR 100.00",
      difference: "SAR 10.00",
      limit: "SAR 50.00",
      number: "INV-000123",
      left: "SAR 40.00",
      missing: "buildingNumber, postalCode",
      carriers: "SPL",
      code: "6291041500213",
      scanned: 1,
      total: 2,
    };
    for (const [locale, catalog] of [
      ["en", en],
      ["ar", ar],
    ] as const) {
      const t = createTranslator({
        locale,
        messages: catalog as never,
        onError: (e) => {
          throw e;
        },
      }) as unknown as (k: string, v: object) => string;
      for (const ns of ["validation", "errors.detail"]) {
        const group = ns.split(".").reduce((o: any, p) => o[p], catalog) as Record<string, string>;
        for (const key of Object.keys(group)) {
          const text = t(`${ns}.${key}`, sample);
          expect(text, `${locale} ${ns}.${key}`).not.toMatch(/[{}]/);
          if (locale === "ar") expect(text, `${ns}.${key} is Arabic`).toMatch(/[\u0600-\u06FF]/);
        }
      }
    }
  });
  it("an error in Arabic names statuses, carriers and amounts in Arabic; in English, the API's words", async () => {
    const { AppError, issue } = await import("@/server/errors/app-error");
    const { renderError } = await import("@/server/errors/words");
    const error = new AppError("INSUFFICIENT_BALANCE", "x", {
      say: { key: "insufficientBalance", params: { balance: { money: 500, currency: "SAR" }, amount: { money: 1700, currency: "SAR" } } },
      fields: { carrier: issue("dropoffOnly", { carrier: { carrier: "spl" } }), to: issue("oneOf", { values: "a" }) },
    });
    const inArabic = renderError(error, "ar");
    expect(inArabic.message).toContain("5.00");
    expect(inArabic.message).toContain("17.00");
    expect(inArabic.message).toContain("ر.س");
    expect(inArabic.fields?.carrier).toContain("سبل");
    expect(error.fields?.carrier).toBe("SPL (Saudi Post) offers: dropoff");
    expect(renderError(new AppError("CONFLICT", "x"), "ar").message).toBe(ar.errors.CONFLICT);
  });
});
