import { describe, expect, it } from "vitest";
import { formatMoney, lineTotal, minorUnitDigits, sumMinor, intlLocale, moneyLocale } from "@/server/money/money";

describe("money", () => {
  it.each([
    [1999, 3, 5997],
    [0, 5, 0],
    [10000, 0, 0],
  ])("lineTotal(%i, %i) = %i", (price, qty, total) => expect(lineTotal(price, qty)).toBe(total));

  it("refuses fractions and unsafe integers instead of drifting", () => {
    expect(() => lineTotal(10.5, 1)).toThrow(RangeError);
    expect(() => lineTotal(100, 1.5)).toThrow(RangeError);
    expect(() => lineTotal(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
    expect(() => sumMinor([0.1, 0.2])).toThrow(RangeError);
  });

  it("sums minor units exactly", () => {
    expect(sumMinor([10, 20, 30])).toBe(60);
    expect(sumMinor([])).toBe(0);
  });

  it("knows each currency's minor unit", () => {
    expect(minorUnitDigits("SAR")).toBe(2);
    expect(minorUnitDigits("KWD")).toBe(3);
    expect(minorUnitDigits("JPY")).toBe(0);
  });

  it("formats with Intl for the language, never by hand", () => {
    expect(formatMoney(123456, "SAR", "en-SA")).toBe(
      new Intl.NumberFormat("en-SA", { style: "currency", currency: "SAR", minimumFractionDigits: 2 }).format(1234.56),
    );
    expect(formatMoney(123456, "SAR", "en-SA")).toContain("1,234.56");
    expect(formatMoney(1500, "KWD", "en")).toContain("1.500");
    expect(formatMoney(123456, "SAR", "ar-SA")).toMatch(/١٬?٢٣٤٫٥٦/);
  });

  it("one digit policy: Western digits in Arabic too, for money and dates alike", () => {
    const money = formatMoney(123456, "SAR", moneyLocale("ar"));
    expect(money).toMatch(/1,?234\.56/);
    expect(money).toContain("ر.س");
    expect(money).not.toMatch(/[\u0660-\u0669]/);
    expect(new Intl.DateTimeFormat(intlLocale("ar"), { dateStyle: "medium" }).format(new Date("2026-03-05T12:00:00Z"))).not.toMatch(/[\u0660-\u0669]/);
  });
});
