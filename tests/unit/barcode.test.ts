// Product codes and the packing station's scan decisions (pure): GTIN check digits, one key for a UPC-A
// read as an EAN-13, store codes, and a scan log decided the same way on the tablet and the server.
import { describe, expect, it } from "vitest";
import { displayCode, gtinCheckDigit, readCode, scanKey, splitCodes } from "@/lib/barcode";
import { decideScan, tallyScans, type PackLine } from "@/lib/pack-scan";

describe("product codes", () => {
  it("verifies GS1 check digits for EAN-8, UPC-A, EAN-13 and GTIN-14, and keeps every GTIN as 14 digits", () => {
    expect(gtinCheckDigit("629104150021")).toBe(3);
    expect(readCode("6291041500213")).toEqual({ key: "06291041500213" });
    expect(readCode("6291041500214")).toEqual({ problem: "codeCheckDigit" });
    expect(readCode("036000291452")).toEqual({ key: "00036000291452" }); // UPC-A
    expect(readCode("0036000291452")).toEqual({ key: "00036000291452" }); // the same, read as an EAN-13
    expect(readCode("96385074")).toEqual({ key: "00000096385074" }); // EAN-8
    expect(readCode("10012345678902")).toEqual({ key: "10012345678902" }); // GTIN-14
    expect(readCode("10012345678903")).toEqual({ problem: "codeCheckDigit" });
  });

  it("takes Arabic-Indic digits, spaces and invisible marks as a scanner or a person gives them", () => {
    expect(readCode("٦٢٩١٠٤١٥٠٠٢١٣")).toEqual({ key: "06291041500213" });
    expect(readCode(" 629 1041 500213\u200f")).toEqual({ key: "06291041500213" });
  });

  it("accepts the store's own codes (letters, digits, . _ - /) and refuses anything else", () => {
    expect(readCode("dm-002/blk")).toEqual({ key: "DM-002/BLK" });
    expect(readCode("12345")).toEqual({ key: "12345" }); // digits, not a GTIN length: the store's own
    expect(readCode("قميص")).toEqual({ problem: "codeFormat" });
    expect(readCode("-A")).toEqual({ problem: "codeFormat" });
    expect(readCode("A".repeat(49))).toEqual({ problem: "codeFormat" });
  });

  it("shows a kept GTIN as printed, and splits a typed list", () => {
    expect(displayCode("06291041500213")).toBe("6291041500213");
    expect(displayCode("10012345678902")).toBe("10012345678902");
    expect(displayCode("DM-002")).toBe("DM-002");
    expect(splitCodes("6291041500213, DM-2\n  X9 ;Y،Z")).toEqual(["6291041500213", "DM-2", "X9", "Y", "Z"]);
    // At the station a GTIN matches without its check digit judged (a misread simply matches nothing).
    expect(scanKey("036000291452")).toBe(scanKey("0036000291452"));
  });
});

describe("scanning an order's units", () => {
  const lines: PackLine[] = [
    { id: "a", sku: "MUG", name: "Mug", quantity: 2, keys: ["06291041500213", "MUG"] },
    { id: "b", sku: "TEA", name: "Tea", quantity: 1, keys: ["TEA"] },
  ];
  const at = "2026-12-01T10:00:00.000Z";

  it("counts a right unit, refuses a wrong item and one too many, and is complete when every unit is scanned", () => {
    expect(decideScan(lines, {}, "6291041500213")).toEqual({ outcome: "ok", lineId: "a" });
    expect(decideScan(lines, { a: 2 }, "mug")).toEqual({ outcome: "extra", lineId: "a" });
    expect(decideScan(lines, {}, "COFFEE")).toEqual({ outcome: "wrong", lineId: null });
    const tally = tallyScans(
      lines,
      ["MUG", "COFFEE", "6291041500213", "MUG", "tea"].map((code) => ({ code, at })),
    );
    expect(tally.counts).toEqual({ a: 2, b: 1 });
    expect(tally.scans.map((s) => s.outcome)).toEqual(["ok", "wrong", "ok", "extra", "ok"]);
    expect(tally).toMatchObject({ scannedUnits: 3, totalUnits: 3, refusedScans: 2, complete: true });
    expect(tallyScans(lines, [{ code: "MUG", at }]).complete).toBe(false);
  });

  it("a code two lines share fills the first that still wants a unit", () => {
    const shared: PackLine[] = [
      { id: "x", sku: "X", name: "X", quantity: 1, keys: ["K"] },
      { id: "y", sku: "Y", name: "Y", quantity: 1, keys: ["K"] },
    ];
    expect(
      tallyScans(
        shared,
        ["K", "K", "K"].map((code) => ({ code, at })),
      ).scans.map((s) => [s.outcome, s.lineId]),
    ).toEqual([
      ["ok", "x"],
      ["ok", "y"],
      ["extra", "x"],
    ]);
  });
});
