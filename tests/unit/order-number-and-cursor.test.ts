import { describe, expect, it } from "vitest";
import { formatOrderNumber, parseOrderNumber } from "@/server/orders/order-number";
import { decodeCursor, encodeCursor } from "@/lib/cursor";

describe("order numbers", () => {
  it("format as #n", () => expect(formatOrderNumber(1001)).toBe("#1001"));
  it.each([
    ["#1001", 1001],
    ["1001", 1001],
    [" # 1001 ", 1001],
    ["10x", null],
    ["Sara", null],
    ["", null],
  ])("parse %j → %j", (q, n) => expect(parseOrderNumber(q)).toBe(n));
});

describe("cursor", () => {
  it("round-trips", () => {
    const c = { at: new Date("2026-10-01T10:00:00.123Z"), id: "0190f0a0-1234-7abc-8def-0123456789ab" };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });
  it.each([
    "",
    "garbage",
    Buffer.from("2026-10-01|not-a-uuid").toString("base64url"),
    Buffer.from("x|0190f0a0-1234-7abc-8def-0123456789ab").toString("base64url"),
  ])("rejects %j", (raw) => expect(decodeCursor(raw)).toBeNull());
});
