import { describe, expect, it } from "vitest";
import { countSmsSegments } from "@/server/notifications/sms-segments";

describe("countSmsSegments", () => {
  it.each([
    ["", "GSM-7", 0, 0],
    ["a".repeat(160), "GSM-7", 160, 1],
    ["a".repeat(161), "GSM-7", 161, 2],
    ["a".repeat(306), "GSM-7", 306, 2],
    ["a".repeat(307), "GSM-7", 307, 3],
    ["€".repeat(80), "GSM-7", 160, 1],
    ["{".repeat(81), "GSM-7", 162, 2],
    ["ط".repeat(70), "UCS-2", 70, 1],
    ["ط".repeat(71), "UCS-2", 71, 2],
    ["ط".repeat(134), "UCS-2", 134, 2],
    ["ط".repeat(135), "UCS-2", 135, 3],
    ["Hello 👋", "UCS-2", 8, 1],
    ["طلبك رقم 1001 في الطريق", "UCS-2", 23, 1],
  ])("%j → %s, %i units, %i parts", (text, encoding, units, parts) => {
    expect(countSmsSegments(text)).toMatchObject({ encoding, units, parts });
  });
});
