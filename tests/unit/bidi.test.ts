import { describe, expect, it } from "vitest";
import { baseDirection, visualRuns } from "@/server/shipping/bidi";

describe("visualRuns", () => {
  it("keeps a Latin line as it is", () => {
    expect(visualRuns("Order #1042")).toEqual([{ text: "Order #1042", font: "latin" }]);
  });
  it("keeps an Arabic line in one run for the shaper", () => {
    expect(visualRuns("سارة العتيبي")).toEqual([{ text: "سارة العتيبي", font: "arabic" }]);
  });
  it("puts digits in an Arabic line on the left of the word before them, still left to right", () => {
    expect(visualRuns("مبنى 12")).toEqual([
      { text: "12", font: "latin" },
      { text: "مبنى ", font: "arabic" },
    ]);
  });
  it("orders a mixed line right to left, with a phone number intact", () => {
    // Arabic runs stay in logical order: the shaper lays each one out right to left itself.
    expect(visualRuns("جوال +966501234567 سارة")).toEqual([
      { text: " سارة", font: "arabic" },
      { text: "+966501234567", font: "latin" },
      { text: "جوال ", font: "arabic" },
    ]);
  });
  it("draws punctuation the Arabic font lacks with the Latin one", () => {
    expect(visualRuns("حي العليا — الرياض").map((r) => r.font)).toEqual(["arabic", "latin", "arabic"]);
  });
  it("finds the paragraph direction from its first strong character", () => {
    expect(baseDirection("12 شارع")).toBe("rtl");
    expect(baseDirection("#12 Street")).toBe("ltr");
  });
});
