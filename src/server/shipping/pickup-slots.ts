// When a carrier can come for a parcel: inside the branch's working hours and the carrier's pickup hours,
// on the store's clock, and not in the past (with time for the driver to be sent). Pure: the clock, the
// hours and the zone are inputs.
import { instantOf, localDate, minutesOf, wallClock } from "@/server/time/zoned";
import type { WorkingHours } from "./branch-schemas";
import { PICKUP_WINDOW_HOURS, type PickupHours } from "./carriers";

/** A pickup cannot be booked closer than this to now. */
export const PICKUP_LEAD_MINUTES = 60;
const WINDOW = PICKUP_WINDOW_HOURS * 60;
const DAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** The minutes of a local weekday when both the branch is open and the carrier picks up, or null. */
function openWindow(weekday: number, branch: WorkingHours, carrier: PickupHours | undefined): { from: number; to: number } | null {
  const b = branch[DAY_KEYS[weekday]];
  const c = carrier?.[weekday as 0];
  if (!b || !c) return null;
  const from = Math.max(minutesOf(b.open), minutesOf(c.from));
  const to = Math.min(minutesOf(b.close), minutesOf(c.to));
  return to - from >= WINDOW ? { from, to } : null;
}

/** The slots to offer (each PICKUP_WINDOW_HOURS long, starting on the hour) over the next `days` days. */
export function pickupSlots(branch: WorkingHours, carrier: PickupHours | undefined, timeZone: string, now: Date, days = 7): Date[] {
  const earliest = now.getTime() + PICKUP_LEAD_MINUTES * 60_000;
  const slots: Date[] = [];
  for (let d = 0; d < days; d++) {
    const date = localDate(now, timeZone, d);
    const window = openWindow(date.weekday, branch, carrier);
    if (!window) continue;
    for (let start = Math.ceil(window.from / 60) * 60; start + WINDOW <= window.to; start += 60) {
      const at = instantOf(date, start, timeZone);
      if (at.getTime() >= earliest) slots.push(at);
    }
  }
  return slots;
}

export type PickupRefusal = "past" | "closed";

/** Why a pickup cannot start at `at`, or null: in the past (or too soon), or outside the hours on that day. */
export function pickupRefusal(at: Date, branch: WorkingHours, carrier: PickupHours | undefined, timeZone: string, now: Date): PickupRefusal | null {
  if (at.getTime() < now.getTime() + PICKUP_LEAD_MINUTES * 60_000) return "past";
  const w = wallClock(at, timeZone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const window = openWindow(weekday, branch, carrier);
  const start = w.hour * 60 + w.minute;
  if (!window || start < window.from || start + WINDOW > window.to) return "closed";
  return null;
}
