import { describe, expect, it } from "vitest";
import { CARRIERS, CARRIER_IDS, supportsHandover } from "@/server/shipping/carriers";
import { chargeableGrams, cmToMm, quote, roundUpToStep, smallerBoxHint, volumetricGrams } from "@/server/shipping/weights";

const box = (weightGrams: number, l: number, w: number, h: number) => ({ weightGrams, lengthMm: cmToMm(l), widthMm: cmToMm(w), heightMm: cmToMm(h) });
const rates = { firstKg: 2100, perAdditionalKg: 300, codFee: 500, volumetricDivisor: 5000, weightStepGrams: 500 };

describe("volumetric and chargeable weight", () => {
  it.each([
    // weight, L, W, H (cm), divisor → volumetric grams
    [box(1000, 30, 20, 10), 5000, 1200],
    [box(1000, 30, 20, 10), 6000, 1000],
    [box(100, 10, 10, 10), 5000, 200],
    [box(100, 10.5, 10, 10), 5000, 210],
    [box(100, 33.3, 21.1, 7.7), 5000, 1083],
  ])("volumetric of %o with divisor %i = %i g", (p, divisor, grams) => expect(volumetricGrams(p, divisor)).toBe(grams));

  it.each([
    [400, 500, 500],
    [500, 500, 500],
    [501, 500, 1000],
    [1001, 1000, 2000],
  ])("roundUpToStep(%i, %i) = %i", (g, step, out) => expect(roundUpToStep(g, step)).toBe(out));

  it.each([
    [box(800, 30, 20, 10), 1500], // volumetric 1200 beats 800 → 1500
    [box(2200, 30, 20, 10), 2500], // weight wins
    [box(0, 1, 1, 1), 500], // never zero
  ])("chargeable of %o = %i g", (p, grams) => expect(chargeableGrams(p, rates)).toBe(grams));
});

describe("quote", () => {
  it.each([
    [[box(800, 10, 10, 10)], false, { volumetricGrams: 200, chargeableGrams: 1000, price: 2100 }],
    [[box(800, 30, 20, 10)], false, { volumetricGrams: 1200, chargeableGrams: 1500, price: 2250 }],
    [[box(800, 30, 20, 10)], true, { volumetricGrams: 1200, chargeableGrams: 1500, price: 2750 }],
    [[box(3000, 40, 30, 20), box(500, 10, 10, 10)], false, { volumetricGrams: 4800 + 200, chargeableGrams: 5000 + 500, price: 2100 + 1350 }],
  ])("%# → %o", (packages, cod, expected) => expect(quote(packages, rates, { cashOnDelivery: cod })).toEqual(expected));

  it("rounds a fraction of a halala up, never down", () => {
    expect(quote([box(1500, 1, 1, 1)], { ...rates, perAdditionalKg: 333 }, { cashOnDelivery: false }).price).toBe(2100 + 167);
  });
});

describe("smallerBoxHint", () => {
  it("says how small a box would be charged by weight", () => {
    expect(smallerBoxHint(box(800, 30, 20, 10), 5000)).toEqual({ maxVolumeCm3: 4000, savesGrams: 400 });
    expect(smallerBoxHint(box(2000, 30, 20, 10), 5000)).toBeNull();
  });
});

describe("carriers", () => {
  it("capabilities are data: Aramex and AyMakan pick up and take drop-offs; SMSA, SPL and DHL take drop-offs only", () => {
    expect(CARRIER_IDS.filter((c) => supportsHandover(c, "pickup"))).toEqual(["aramex", "aymakan"]);
    expect(CARRIER_IDS.filter((c) => supportsHandover(c, "dropoff"))).toEqual([...CARRIER_IDS]);
  });

  it.each([
    ["aramex", "12345678901", "https://www.aramex.com/sa/en/track/results?ShipmentNumber=12345678901"],
    ["smsa", "290012345678", "https://www.smsaexpress.com/sa/en/trackingdetails?tracknumbers=290012345678"],
    ["spl", "RR123456789SA", "https://splonline.com.sa/en/shipmentdetailsstatic/?tid=RR123456789SA"],
    ["dhl", "1234567890", "https://www.dhl.com/sa-en/home/tracking/tracking-express.html?submit=1&tracking-id=1234567890"],
    ["aymakan", "AY123456789", "https://aymakan.com.sa/en/tracking/AY123456789"],
  ] as const)("%s tracking page for %s", (carrier, number, url) => {
    expect(CARRIERS[carrier].trackingUrl(number)).toBe(url);
    expect(CARRIERS[carrier].trackingNumberPattern.test(number)).toBe(true);
  });
});
