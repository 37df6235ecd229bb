import { describe, expect, it } from "vitest";
import { listOrdersQuery, placeOrderInput } from "@/server/orders/schemas";
import { fieldErrorsOf } from "@/server/http/validation";
import { requestHash } from "@/server/idempotency/claim-idempotency-key";

const valid = {
  customer: { name: "سارة", phone: "0501234567", email: "sara@example.com" },
  items: [{ sku: "A", quantity: 1 }],
  payment: { method: "card", status: "paid" },
  shipping: { city: "الرياض", address: "شارع 1", method: "Aramex", fee: 2500 },
};

function errors(input: unknown) {
  const r = placeOrderInput.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
}

describe("placeOrderInput", () => {
  it("accepts a valid order and normalizes the phone", () => {
    const parsed = placeOrderInput.parse(valid);
    expect(parsed.customer.phone).toBe("+966501234567");
    expect(parsed.shipping.country).toBe("SA");
  });

  it.each([
    [{ ...valid, customer: { ...valid.customer, email: "nope" } }, "customer.email", "must be a valid email"],
    [{ ...valid, customer: { name: "   ", phone: "0501234567" } }, "customer.name", "must not be empty"],
    [{ ...valid, items: [{ sku: "A", quantity: 0 }] }, "items.0.quantity", "must be at least 1"],
    [{ ...valid, items: [{ sku: "A", quantity: "2" }] }, "items.0.quantity", "must be a number"],
    [{ ...valid, items: [{ sku: "A" }] }, "items.0.quantity", "is required"],
    [{ ...valid, shipping: { ...valid.shipping, fee: -1 } }, "shipping.fee", "must be at least 0"],
    [{ ...valid, shipping: { ...valid.shipping, fee: 10.5 } }, "shipping.fee", "must be a whole number"],
    [{ ...valid, shipping: { ...valid.shipping, country: "sau" } }, "shipping.country", "must be a two-letter country code, e.g. SA"],
    [{ ...valid, total: 1 }, "total", "is not a known field"],
    [{ ...valid, customer: { ...valid.customer, phone: "1" } }, "customer.phone", "must be a phone number in international form, e.g. +966501234567"],
  ])("names the field and the rule (%#)", (input, field, message) => {
    expect(errors(input)[field]).toBe(message);
  });

  it("caps sizes so a hostile payload cannot grow without bound", () => {
    expect(errors({ ...valid, items: Array.from({ length: 201 }, () => ({ sku: "A", quantity: 1 })) }).items).toBe("must have at most 200 entries");
    expect(errors({ ...valid, customer: { ...valid.customer, name: "x".repeat(121) } })["customer.name"]).toBe("must be at most 120 characters");
  });
});

describe("listOrdersQuery", () => {
  it("defaults to 50 per page and caps at 100", () => {
    expect(listOrdersQuery.parse({}).limit).toBe(50);
    expect(listOrdersQuery.safeParse({ limit: "101" }).success).toBe(false);
  });
});

describe("requestHash", () => {
  it("ignores key order but not values", () => {
    expect(requestHash({ a: 1, b: { c: 2, d: 3 } })).toBe(requestHash({ b: { d: 3, c: 2 }, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
    expect(requestHash([1, 2])).not.toBe(requestHash([2, 1]));
  });
});

import { z as zod } from "zod";
import { parseInput, withoutDirectionControls } from "@/server/http/validation";
describe("direction controls in what people type", () => {
  it("are taken out of every string, nested or not, before the schema sees it", () => {
    const schema = zod.object({ name: zod.string(), notes: zod.array(zod.string()), deep: zod.object({ x: zod.string() }) });
    const parsed = parseInput(schema, { name: "Sara\u202Egpj.exe", notes: ["\u2067عاجل\u2069", "plain"], deep: { x: "\u202Aa\u202Cb" } });
    expect(parsed).toEqual({ name: "Saragpj.exe", notes: ["عاجل", "plain"], deep: { x: "ab" } });
    expect(withoutDirectionControls(5)).toBe(5);
    // Marks that only hint a direction (LRM, RLM) stay: they cannot reorder what follows.
    expect(withoutDirectionControls("a\u200Fb")).toBe("a\u200Fb");
  });
});
