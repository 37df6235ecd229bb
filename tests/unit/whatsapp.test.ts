import { describe, expect, it } from "vitest";
import { contentSidFor, insideSessionWindow, templateVariables, whatsappAddress } from "@/server/notifications/whatsapp";

describe("WhatsApp's rules", () => {
  const sid = `HX${"a".repeat(32)}`;
  it("finds an approved template by message and language; anything else has none", () => {
    const configured = JSON.stringify({ "order.confirm_cod": { ar: sid } });
    expect(contentSidFor("order.confirm_cod", "ar", configured)).toBe(sid);
    expect(contentSidFor("order.confirm_cod", "en", configured)).toBeNull();
    expect(contentSidFor("order.canceled", "ar", configured)).toBeNull();
    expect(contentSidFor("order.confirm_cod", "ar", undefined)).toBeNull();
    // A content SID that is not one is not used.
    expect(contentSidFor("order.confirm_cod", "ar", JSON.stringify({ "order.confirm_cod": { ar: "HX123" } }))).toBeNull();
  });
  it("allows free text for 24 hours after the customer last wrote, not a moment after", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    expect(insideSessionWindow(null, now)).toBe(false);
    expect(insideSessionWindow(new Date("2026-11-30T12:00:01Z"), now)).toBe(true);
    expect(insideSessionWindow(new Date("2026-11-30T12:00:00Z"), now)).toBe(false);
  });
  it("addresses and numbered variables as Twilio and the templates expect them", () => {
    expect(whatsappAddress("+966501234567")).toBe("whatsapp:+966501234567");
    expect(templateVariables({ customerName: "سارة", orderNumber: "#7", storeName: "S", status: "x", amount: "10", orderUrl: "u" })).toEqual({
      "1": "سارة",
      "2": "#7",
      "3": "S",
      "4": "x",
      "5": "10",
      "6": "u",
    });
  });
});
