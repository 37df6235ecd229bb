import { describe, expect, it } from "vitest";
import { normalizePhone, phoneSearchForms } from "@/lib/phone";

describe("normalizePhone", () => {
  it.each([
    ["+966501234567", "+966501234567"],
    ["0501234567", "+966501234567"],
    ["501234567", "+966501234567"],
    ["966501234567", "+966501234567"],
    ["00966501234567", "+966501234567"],
    ["050 123 4567", "+966501234567"],
    ["(050) 123-4567", "+966501234567"],
    ["٠٥٠١٢٣٤٥٦٧", "+966501234567"],
    ["+971501234567", "+971501234567"],
  ])("%s → %s", (input, expected) => expect(normalizePhone(input)).toBe(expected));

  it.each(["", "12", "abc", "+0123456789", "050-abc-4567", "+9665012345678901234"])("rejects %j", (input) => expect(normalizePhone(input)).toBeNull());
});

describe("phoneSearchForms", () => {
  it("lists the international, bare and local forms", () => {
    expect(phoneSearchForms("+966501234567")).toEqual(["+966501234567", "966501234567", "0501234567"]);
  });
});
