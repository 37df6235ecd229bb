import { describe, expect, it } from "vitest";
import { deferPastQuietHours, inQuietHours, reviewRequestTime } from "@/server/reviews/schedule";
import { readReviewSettings, reviewSettingsSchema, REVIEW_PLACEHOLDERS } from "@/server/reviews/review-settings";
import { renderTemplate } from "@/server/notifications/sms-templates";
import { discountAmount, newDiscountCode, normalizeCode } from "@/server/reviews/discount-rules";

const night = { start: "22:00", end: "09:00" };

describe("quiet hours", () => {
  it.each([
    // Riyadh is UTC+3 all year.
    ["2026-11-26T18:59:00Z", false], // 21:59 Riyadh
    ["2026-11-26T19:00:00Z", true], // 22:00
    ["2026-11-26T23:30:00Z", true], // 02:30 next day
    ["2026-11-27T05:59:00Z", true], // 08:59
    ["2026-11-27T06:00:00Z", false], // 09:00
  ])("%s in Riyadh → %s", (iso, quiet) => expect(inQuietHours(new Date(iso), night, "Asia/Riyadh")).toBe(quiet));

  it("late evening defers to the next morning; after midnight to the same morning; daytime unchanged", () => {
    expect(deferPastQuietHours(new Date("2026-11-26T20:15:00Z"), night, "Asia/Riyadh").toISOString()).toBe("2026-11-27T06:00:00.000Z");
    expect(deferPastQuietHours(new Date("2026-11-27T01:00:00Z"), night, "Asia/Riyadh").toISOString()).toBe("2026-11-27T06:00:00.000Z");
    expect(deferPastQuietHours(new Date("2026-11-27T10:00:00Z"), night, "Asia/Riyadh").toISOString()).toBe("2026-11-27T10:00:00.000Z");
  });

  it("a window within one day, another time zone, and a daylight-saving change", () => {
    const siesta = { start: "13:00", end: "16:00" };
    expect(deferPastQuietHours(new Date("2026-06-01T10:30:00Z"), siesta, "Asia/Dubai").toISOString()).toBe("2026-06-01T12:00:00.000Z"); // 14:30 → 16:00 Dubai (UTC+4)
    // London moves to summer time on 29 March 2026: 09:00 that morning is 08:00 UTC.
    expect(deferPastQuietHours(new Date("2026-03-28T23:00:00Z"), night, "Europe/London").toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(inQuietHours(new Date("2026-11-26T12:00:00Z"), null, "Asia/Riyadh")).toBe(false);
    expect(inQuietHours(new Date("2026-11-26T12:00:00Z"), { start: "10:00", end: "10:00" }, "Asia/Riyadh")).toBe(false);
  });

  it("the request time: delivery + delay, then past quiet hours", () => {
    const delivered = new Date("2026-11-23T19:30:00Z"); // 22:30 Riyadh
    expect(reviewRequestTime(delivered, { delayDays: 3, quietHours: night }, "Asia/Riyadh").toISOString()).toBe("2026-11-27T06:00:00.000Z");
    expect(reviewRequestTime(delivered, { delayDays: 3, quietHours: null }, "Asia/Riyadh").toISOString()).toBe("2026-11-26T19:30:00.000Z");
  });
});

describe("review settings", () => {
  it("an empty document gets the defaults; a broken one falls back to them", () => {
    const s = readReviewSettings({});
    expect(s).toMatchObject({ enabled: true, delayDays: 3, askPhotos: true, discount: { kind: "off" }, autoPublishMinRating: 4, quietHours: night });
    expect(readReviewSettings({ delayDays: "soon" })).toEqual(s);
  });

  it("names the rule for bad values", () => {
    const bad = reviewSettingsSchema.safeParse({
      delayDays: -1,
      discount: { kind: "percent", percent: 150, validityDays: 30, minOrder: 0 },
      quietHours: { start: "25:00", end: "09:00" },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["delayDays", "discount.percent", "quietHours.start"]));
  });

  it("the template fills the review placeholders", () => {
    const text = renderTemplate(
      readReviewSettings({}).templates.en,
      { customer_name: "Sara", order_number: "#1042", store_name: "Demo", review_url: "https://x/r/1", discount_code: "" },
      REVIEW_PLACEHOLDERS,
    );
    expect(text).toBe("Hi Sara, we hope you like your Demo order #1042. Tell us what you think and share photos: https://x/r/1");
  });
});

describe("discount codes", () => {
  it("are readable: prefix and 8 characters without look-alikes", () => {
    const codes = Array.from({ length: 200 }, () => newDiscountCode());
    for (const c of codes) expect(c).toMatch(/^THX-[2-9A-HJKMNP-Z]{8}$/);
    expect(new Set(codes).size).toBe(200);
    expect(normalizeCode(" thx-7kq9 p2mx ")).toBe("THX7KQ9P2MX");
  });

  it.each([
    [{ kind: "percent", value: 10 }, 25_050, 2505],
    [{ kind: "percent", value: 15 }, 999, 149],
    [{ kind: "percent", value: 100 }, 5000, 5000],
    [{ kind: "fixed", value: 2000 }, 15_000, 2000],
    [{ kind: "fixed", value: 2000 }, 1500, 1500],
  ])("%o off %i → %i", (discount, total, off) => expect(discountAmount(discount, total)).toBe(off));
});
