import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { agingBucket, collectionMismatch, lineMismatch, lineOutcome, totalsDiffer } from "@/server/cod/cod-rules";
import { columnsFor, DEFAULT_STATEMENT_COLUMNS, linesFingerprint, readStatement, readStatementDate } from "@/server/cod/statement-columns";

const collection = (amount: number, remittances = 0) => ({ kind: "collection" as const, orderId: "o", collectionId: "c", amount, remittances });

describe("how a statement line matches", () => {
  it("a collection's first line is exact, short or over; a later one pays it twice", () => {
    expect(lineOutcome(collection(10_000), 10_000)).toBe("MATCHED");
    expect(lineOutcome(collection(10_000), 9_000)).toBe("SHORT");
    expect(lineOutcome(collection(10_000), 11_000)).toBe("OVER");
    expect(lineOutcome(collection(10_000, 1), 10_000)).toBe("PAID_TWICE");
  });
  it("no parcel, a parcel that came back, a parcel with nothing to collect", () => {
    expect(lineOutcome({ kind: "none" }, 100)).toBe("UNKNOWN");
    expect(lineOutcome({ kind: "returned", orderId: "o" }, 100)).toBe("REFUSED");
    expect(lineOutcome({ kind: "no_cash", orderId: "o" }, 100)).toBe("UNEXPECTED");
  });
  it("what is wrong with a collection: nothing until it is paid, nothing when it balances", () => {
    expect(collectionMismatch({ outstanding: 100, remittances: 0 })).toBeNull();
    expect(collectionMismatch({ outstanding: 0, remittances: 2 })).toBeNull();
    expect(collectionMismatch({ outstanding: 100, remittances: 1 })).toBe("short");
    expect(collectionMismatch({ outstanding: -100, remittances: 1 })).toBe("over");
    expect(collectionMismatch({ outstanding: -100, remittances: 2 })).toBe("paid_twice");
    expect(lineMismatch("UNKNOWN")).toBe("unknown");
    expect(lineMismatch("MATCHED")).toBeNull();
  });
  it("aging columns at their edges", () => {
    expect([0, 7, 8, 14, 15, 30, 31].map(agingBucket)).toEqual(["d0_7", "d0_7", "d8_14", "d8_14", "d15_30", "d15_30", "over30"]);
  });
  it("a total that the lines do not reach says the difference", () => {
    expect(totalsDiffer(300, [{ amount: 100 }, { amount: 150 }])).toEqual({ linesTotal: 250, difference: 50 });
    expect(totalsDiffer(250, [{ amount: 100 }, { amount: 150 }])).toBeNull();
  });
});

describe("reading a statement file", () => {
  const sheet = (header: string[], ...rows: string[][]) => ({ header, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });
  it("headings match whatever their case and spacing; amounts in riyals or halalas", () => {
    const read = readStatement(sheet(["awb  number", "COD AMOUNT"], ["123", "1,250.50"], ["", ""], ["124", "٩٫٥"]), DEFAULT_STATEMENT_COLUMNS.aramex, 2);
    expect(read.problems).toEqual([]);
    expect(read.lines).toEqual([
      { row: 2, trackingNumber: "123", amount: 125_050 },
      { row: 4, trackingNumber: "124", amount: 950 },
    ]);
    const minor = readStatement(sheet(["AWB Number", "COD Amount"], ["1", "14950"]), { ...DEFAULT_STATEMENT_COLUMNS.aramex, amountIn: "minor" }, 2);
    expect(minor.lines[0].amount).toBe(14_950);
  });
  it("a Total row in either language is the stated total, not a line", () => {
    const en = readStatement(sheet(["AWB Number", "COD Amount"], ["1", "10"], ["TOTAL", "10"]), DEFAULT_STATEMENT_COLUMNS.aramex, 2);
    const ar = readStatement(sheet(["AWB Number", "COD Amount"], ["1", "10"], ["الإجمالي", "10.00"]), DEFAULT_STATEMENT_COLUMNS.aramex, 2);
    for (const read of [en, ar]) {
      expect(read.lines).toHaveLength(1);
      expect(read.statedTotal).toBe(1000);
    }
  });
  it("two statement numbers in one file, a date that is not one, an empty file", () => {
    const cols = DEFAULT_STATEMENT_COLUMNS.aramex;
    const header = [cols.tracking, cols.amount, cols.reference, cols.paidOn];
    const read = readStatement(sheet(header, ["1", "1", "R-1", "31/02/2026"], ["2", "1", "R-2", ""]), cols, 2);
    expect(read.problems.map((p) => p.rule)).toEqual(["notDate", "severalStatements"]);
    expect(readStatement(sheet(header), cols, 2).problems).toEqual([{ row: 1, rule: "noLines" }]);
  });
  it("dates as carriers write them", () => {
    expect(readStatementDate("2026-11-30")).toBe("2026-11-30");
    expect(readStatementDate("30/11/2026")).toBe("2026-11-30");
    expect(readStatementDate("٣٠-١١-٢٠٢٦")).toBe("2026-11-30");
    expect(readStatementDate("2026-02-30")).toBeNull();
    expect(readStatementDate("yesterday")).toBeNull();
  });
  it("a store's own columns for a carrier, else the carrier's usual ones; a broken document falls back", () => {
    const own = { ...DEFAULT_STATEMENT_COLUMNS.smsa, tracking: "رقم الشحنة" };
    expect(columnsFor({ smsa: own }, "smsa").tracking).toBe("رقم الشحنة");
    expect(columnsFor({ smsa: own }, "aramex")).toEqual(DEFAULT_STATEMENT_COLUMNS.aramex);
    expect(columnsFor({ smsa: { tracking: "" } }, "smsa")).toEqual(DEFAULT_STATEMENT_COLUMNS.smsa);
  });
  it("a statement without a number is known by its lines in any order", () => {
    const hash = (t: string) => createHash("sha256").update(t).digest("hex");
    const a = linesFingerprint(
      [
        { trackingNumber: "1", amount: 5 },
        { trackingNumber: "2", amount: 6 },
      ],
      hash,
    );
    const b = linesFingerprint(
      [
        { trackingNumber: "2", amount: 6 },
        { trackingNumber: "1", amount: 5 },
      ],
      hash,
    );
    const c = linesFingerprint(
      [
        { trackingNumber: "1", amount: 6 },
        { trackingNumber: "2", amount: 5 },
      ],
      hash,
    );
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
