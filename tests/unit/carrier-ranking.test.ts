import { describe, expect, it } from "vitest";
import { carrierStats, MIN_DELIVERIES, rankCarriers, type CarrierStats } from "@/server/shipping/carrier-ranking";
import { cityKey, KNOWN_CITIES, normalizeCityText } from "@/server/shipping/cities";
import en from "../../messages/en.json";
import ar from "../../messages/ar.json";

/** Half-day buckets with `counts` deliveries at the given bucket indexes. */
const days = (counts: Record<number, number>) => Array.from({ length: 29 }, (_, i) => counts[i] ?? 0);
const totals = (over: Partial<Parameters<typeof carrierStats>[0]> = {}) => ({
  carrier: "smsa",
  city: "jeddah",
  labels: 20,
  cost: 40_000,
  delivered: 18,
  returned: 2,
  deliverDays: days({ 2: 9, 3: 9 }),
  ratingSum: 27,
  ratingCount: 6,
  ...over,
});

describe("destination cities", () => {
  it("one key for every spelling of a known city, in either language", () => {
    for (const spelling of ["جدة", "جده", "  Jeddah ", "JIDDAH", "jeddah.", "Jedda"]) expect(cityKey(spelling)).toBe("jeddah");
    for (const spelling of ["الرياض", "رياض", "Riyadh", "Ar-Riyadh", "al riyadh"]) expect(cityKey(spelling)).toBe("riyadh");
    expect(cityKey("مكة المكرمة")).toBe("makkah");
    expect(cityKey("مكه")).toBe("makkah");
    expect(cityKey("Al Khobar")).toBe("khobar");
    expect(cityKey("الأحساء")).toBe("ahsa");
  });

  it("a city Tajer has no words for keeps its normalized text; never empty", () => {
    expect(cityKey("  Umluj  ")).toBe("umluj");
    expect(cityKey("أملج")).toBe(normalizeCityText("املج"));
    expect(cityKey("   ")).toBe("?");
    expect(cityKey("x".repeat(200))).toHaveLength(80);
  });

  it("every known city has words in both catalogs", () => {
    for (const key of KNOWN_CITIES) {
      expect((en.cities as Record<string, string>)[key], key).toBeTruthy();
      expect((ar.cities as Record<string, string>)[key], key).toBeTruthy();
    }
  });
});

describe("a carrier's numbers for a city", () => {
  it("median and 90th percentile in days, on-time and return shares, rating and average cost", () => {
    const s = carrierStats(totals(), 2);
    // Half the deliveries in [1 d, 1.5 d), half in [1.5 d, 2 d).
    expect(s.medianDays).toBe(1.5);
    expect(s.p90Days).toBe(1.9);
    expect(s.onTimeShare).toBe(1);
    expect(carrierStats(totals(), 1).onTimeShare).toBe(0);
    expect(s.returnShare).toBe(0.1);
    expect(s.rating).toBe(4.5);
    expect(s.averageCost).toBe(2000);
    expect(s.thin).toBe(false);
  });

  it("thin below the minimum of deliveries; no rating below the minimum of ratings; nothing delivered is no number", () => {
    expect(carrierStats(totals({ delivered: MIN_DELIVERIES - 1 }), 3).thin).toBe(true);
    expect(carrierStats(totals({ ratingCount: 4, ratingSum: 20 }), 3).rating).toBeNull();
    const none = carrierStats(totals({ labels: 0, delivered: 0, returned: 0, deliverDays: days({}), cost: 0 }), 3);
    expect(none).toMatchObject({ medianDays: null, p90Days: null, onTimeShare: null, returnShare: null, averageCost: null, thin: true });
  });

  it("two weeks or more is said as such", () => {
    expect(carrierStats(totals({ deliverDays: days({ 28: 18 }) }), 3)).toMatchObject({ over: true, p90Days: 14 });
  });
});

describe("ranking the carriers for an order", () => {
  const stat = (carrier: string, medianDays: number, rating: number | null, thin = false): CarrierStats => ({
    carrier,
    city: "jeddah",
    labels: 30,
    delivered: thin ? 2 : 30,
    returned: 0,
    medianDays,
    p90Days: medianDays + 1,
    over: false,
    onTimeShare: 1,
    returnShare: 0,
    rating,
    ratingCount: rating === null ? 1 : 10,
    averageCost: 2000,
    thin,
  });
  const stats = { aramex: stat("aramex", 2.2, 4.6), smsa: stat("smsa", 1.1, 4.1), aymakan: stat("aymakan", 0.5, 5, true), spl: stat("spl", 1.5, null) };
  const quotes = [
    { id: "aramex", price: 2100 },
    { id: "smsa", price: 1900 },
    { id: "aymakan", price: 1500 },
    { id: "spl", price: 1400 },
    { id: "dhl", price: 3900 },
  ];
  const off = { enabled: false, maxDays: 3, minRating: 4 };

  it("without a rule: judged carriers fastest first, then thin ones cheapest first; the fastest is marked", () => {
    const ranked = rankCarriers(quotes, stats, off);
    expect(ranked.map((r) => r.id)).toEqual(["smsa", "spl", "aramex", "aymakan", "dhl"]);
    expect(ranked.filter((r) => r.fastest).map((r) => r.id)).toEqual(["smsa"]);
    expect(ranked.map((r) => r.verdict)).toEqual([null, null, null, "thin", "thin"]);
  });

  it("with a rule: the cheapest that meets it is picked, then the others that meet it, then why the rest do not", () => {
    const ranked = rankCarriers(quotes, stats, { enabled: true, maxDays: 2.5, minRating: 4 });
    expect(ranked.map((r) => [r.id, r.verdict])).toEqual([
      ["smsa", "pick"],
      ["aramex", "meets"],
      ["spl", "fewRatings"],
      ["aymakan", "thin"],
      ["dhl", "thin"],
    ]);
    const strict = rankCarriers(quotes, stats, { enabled: true, maxDays: 2, minRating: 4.5 });
    expect(strict.map((r) => [r.id, r.verdict])).toEqual([
      ["smsa", "ratedLower"],
      ["spl", "fewRatings"],
      ["aramex", "slower"],
      ["aymakan", "thin"],
      ["dhl", "thin"],
    ]);
    expect(strict.some((r) => r.verdict === "pick")).toBe(false);
  });
});
