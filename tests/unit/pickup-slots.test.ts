import { describe, expect, it } from "vitest";
import { PICKUP_LEAD_MINUTES, pickupRefusal, pickupSlots } from "@/server/shipping/pickup-slots";
import { CARRIERS } from "@/server/shipping/carriers";

const week = {
  sat: { open: "09:00", close: "22:00" },
  sun: { open: "09:00", close: "22:00" },
  mon: { open: "09:00", close: "22:00" },
  tue: { open: "09:00", close: "22:00" },
  wed: { open: "09:00", close: "22:00" },
  thu: { open: "09:00", close: "22:00" },
  fri: { open: "16:00", close: "22:00" },
};
const riyadh = "Asia/Riyadh";
// Sunday 30 November 2026, 11:20 in Riyadh (08:20 UTC).
const now = new Date("2026-11-30T08:20:00Z");
const local = (iso: string) => new Date(`${iso}+03:00`);

describe("pickup slots", () => {
  it("lie inside the branch's hours and the carrier's, on the store's clock, starting on the hour, at least an hour ahead", () => {
    const slots = pickupSlots(week, CARRIERS.aramex.pickupHours, riyadh, now);
    // Today: from 13:00 (12:20 is under an hour away… 12:00 too), the last one 19:00–21:00 (Aramex stops at 21:00).
    expect(slots[0]).toEqual(local("2026-11-30T13:00:00"));
    expect(slots.filter((s) => s < local("2026-12-01T00:00:00")).at(-1)).toEqual(local("2026-11-30T19:00:00"));
    // Friday 4 December: the branch opens at 16:00, but Aramex does not pick up on Fridays.
    expect(slots.some((s) => s >= local("2026-12-04T00:00:00") && s < local("2026-12-05T00:00:00"))).toBe(false);
    // AyMakan picks up on Fridays from 14:00: inside the branch's 16:00–22:00 → 16:00 … 20:00.
    const friday = pickupSlots(week, CARRIERS.aymakan.pickupHours, riyadh, now).filter(
      (s) => s >= local("2026-12-04T00:00:00") && s < local("2026-12-05T00:00:00"),
    );
    expect(friday).toEqual(["16", "17", "18", "19", "20"].map((h) => local(`2026-12-04T${h}:00:00`)));
  });

  it("a branch with no hours, or a day too short for the window, offers none", () => {
    expect(pickupSlots({}, CARRIERS.aramex.pickupHours, riyadh, now)).toEqual([]);
    expect(pickupSlots({ sun: { open: "20:00", close: "21:30" } }, CARRIERS.aymakan.pickupHours, riyadh, now)).toEqual([]);
  });

  it("refuses a past, too-soon or closed time and accepts one inside the hours", () => {
    expect(pickupRefusal(local("2026-11-30T10:00:00"), week, CARRIERS.aramex.pickupHours, riyadh, now)).toBe("past");
    expect(pickupRefusal(new Date(now.getTime() + (PICKUP_LEAD_MINUTES - 1) * 60_000), week, CARRIERS.aramex.pickupHours, riyadh, now)).toBe("past");
    expect(pickupRefusal(local("2026-11-30T20:00:00"), week, CARRIERS.aramex.pickupHours, riyadh, now)).toBe("closed"); // ends 22:00, Aramex stops at 21:00
    expect(pickupRefusal(local("2026-12-01T03:00:00"), week, CARRIERS.aramex.pickupHours, riyadh, now)).toBe("closed");
    expect(pickupRefusal(local("2026-12-04T17:00:00"), week, CARRIERS.aramex.pickupHours, riyadh, now)).toBe("closed"); // Friday
    expect(pickupRefusal(local("2026-12-01T09:30:00"), week, CARRIERS.aramex.pickupHours, riyadh, now)).toBeNull();
  });
});
