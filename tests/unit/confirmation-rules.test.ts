import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIRMATION_SETTINGS, onDeadline, readReply, shouldAsk, timeLeft } from "@/server/orders/confirmation-rules";

describe("reading a customer's reply to a confirmation request", () => {
  it.each([
    ["1", "confirm"],
    ["١", "confirm"],
    ["۱", "confirm"],
    ["Yes", "confirm"],
    ["yes!", "confirm"],
    [" نعم ", "confirm"],
    ["نَعَم", "confirm"],
    ["تأكيد", "confirm"],
    ["CONFIRM", "confirm"],
    ["2", "cancel"],
    ["٢", "cancel"],
    ["إلغاء", "cancel"],
    ["الغاء", "cancel"],
    ["cancel.", "cancel"],
    ["لا", "cancel"],
  ] as const)("%j is %s", (text, intent) => expect(readReply(text)).toBe(intent));

  it.each(["", "12", "yes please cancel", "no problem, thanks", "متى يصل الطلب؟", "1 2", "نعم لكن غيّر العنوان"])(
    "%j answers nothing: it is a message for a person",
    (text) => expect(readReply(text)).toBeNull(),
  );
});

describe("who is asked, and what the deadline does", () => {
  const settings = DEFAULT_CONFIRMATION_SETTINGS;
  it("asks every COD order when the store says so, else only where the risk band asks; never a prepaid order", () => {
    expect(shouldAsk({ ...settings, ask: "all_cod" }, { cod: true, bandAsks: false })).toBe("store");
    expect(shouldAsk({ ...settings, ask: "off" }, { cod: true, bandAsks: true })).toBe("risk");
    expect(shouldAsk({ ...settings, ask: "off" }, { cod: true, bandAsks: false })).toBeNull();
    expect(shouldAsk({ ...settings, ask: "all_cod" }, { cod: false, bandAsks: true })).toBeNull();
  });
  it("reminds once, then holds; or holds, or cancels, as set", () => {
    expect(onDeadline({ ...settings, whenUnanswered: "remind" }, false)).toBe("remind");
    expect(onDeadline({ ...settings, whenUnanswered: "remind" }, true)).toBe("hold");
    expect(onDeadline({ ...settings, whenUnanswered: "hold" }, false)).toBe("hold");
    expect(onDeadline({ ...settings, whenUnanswered: "cancel" }, false)).toBe("cancel");
  });
  it("says the time left in hours and minutes, rounded up, and nothing once passed", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(timeLeft(new Date("2026-12-01T13:30:10Z"), now)).toEqual({ hours: 3, minutes: 31 });
    expect(timeLeft(now, now)).toBeNull();
  });
});
