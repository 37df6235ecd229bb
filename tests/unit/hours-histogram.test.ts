import { describe, expect, it } from "vitest";
import { HOUR_BUCKETS, percentileHours, sumHistograms } from "@/server/stores/hours-histogram";
import { daysIn, periods } from "@/server/stores/business";

const empty = () => HOUR_BUCKETS.map(() => 0);

describe("hours from step to step, from bucket counts", () => {
  it("nothing counted is no answer, not zero", () => expect(percentileHours(empty(), 0.5)).toBeNull());
  it("the median and the 90th percentile fall inside their buckets, linearly", () => {
    const h = empty();
    h[5] = 10; // 12–24 h
    expect(percentileHours(h, 0.5)).toEqual({ hours: 18, over: false });
    expect(percentileHours(h, 0.9)).toEqual({ hours: 22.8, over: false });
    h[0] = 10; // and ten under an hour: the median is an hour
    expect(percentileHours(h, 0.5)).toEqual({ hours: 1, over: false });
  });
  it("the open last bucket says 'more than two weeks'", () => {
    const h = empty();
    h[13] = 3;
    expect(percentileHours(h, 0.9)).toEqual({ hours: 336, over: true });
  });
  it("days add up bucket by bucket", () => {
    const a = empty();
    const b = empty();
    a[2] = 1;
    b[2] = 2;
    b[4] = 1;
    expect(sumHistograms([a, b]).slice(0, 5)).toEqual([0, 0, 3, 0, 1]);
  });
});

describe("the home page's periods, on the store's clock", () => {
  const now = new Date("2026-11-30T22:30:00Z"); // already 1 December in Riyadh
  it("the last 30 days by default, ending today there, and the 30 before", () => {
    expect(periods("Asia/Riyadh", {}, now)).toEqual({ current: { from: "2026-11-02", to: "2026-12-01" }, previous: { from: "2026-10-03", to: "2026-11-01" } });
  });
  it("a period asked for is kept to a year and never runs past today; nonsense is ignored", () => {
    const p = periods("Asia/Riyadh", { from: "2020-01-01", to: "2030-01-01" }, now);
    expect(p.current.to).toBe("2026-12-01");
    expect(daysIn(p.current)).toBe(366);
    expect(periods("Asia/Riyadh", { from: "soon", to: "2026-11-10" }, now).current).toEqual({ from: "2026-10-12", to: "2026-11-10" });
  });
});
