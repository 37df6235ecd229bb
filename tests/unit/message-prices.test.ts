import { describe, expect, it } from "vitest";
import { DEFAULT_MESSAGE_PRICES, estimateMicros, formatMicros, readMessagePrices, readPrice } from "@/server/notifications/message-prices";

describe("a message's cost before it is sent", () => {
  const prices = DEFAULT_MESSAGE_PRICES;
  it("SMS: parts × the part's price (Arabic takes 70 characters a part, 67 when split)", () => {
    expect(estimateMicros({ channel: "SMS", body: "Hi" }, prices)).toBe(79_100);
    expect(estimateMicros({ channel: "SMS", body: "ا".repeat(70) }, prices)).toBe(79_100);
    expect(estimateMicros({ channel: "SMS", body: "ا".repeat(71) }, prices)).toBe(2 * 79_100);
  });
  it("WhatsApp: a template's price, or a reply's inside the window, whatever its length", () => {
    expect(estimateMicros({ channel: "WHATSAPP", body: "x".repeat(900), contentSid: `HX${"1".repeat(32)}` }, prices)).toBe(15_700);
    expect(estimateMicros({ channel: "WHATSAPP", body: "x".repeat(900) }, prices)).toBe(5_000);
  });
  it("reads and writes prices in the unit's words, and a stored table with defaults filled in", () => {
    expect(readPrice("0.0791")).toBe(79_100);
    expect(readPrice(" 1.5 ")).toBe(1_500_000);
    for (const bad of ["", "-1", "1,5", "0.0000001", "abc"]) expect(readPrice(bad)).toBeNull();
    expect(formatMicros(15_700, "USD")).toBe("0.0157 USD");
    expect(readMessagePrices({ smsPart: 50_000, whatsappTemplate: -1 })).toEqual({ ...prices, smsPart: 50_000 });
  });
});
