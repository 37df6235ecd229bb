// When a review request goes out: the delay after delivery, then past the store's quiet hours in the
// store's own time zone. Pure: the clock and the zone are inputs.

import { instantOf, minutesOf, wallClock } from "@/server/time/zoned";

type Quiet = { start: string; end: string } | null;

/** Whether `at` falls in the quiet hours (a window may cross midnight, e.g. 22:00–09:00). */
export function inQuietHours(at: Date, quiet: Quiet, timeZone: string): boolean {
  if (!quiet) return false;
  const w = wallClock(at, timeZone);
  const now = w.hour * 60 + w.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** `at`, or the end of the quiet hours it falls in (the next morning for a window across midnight). */
export function deferPastQuietHours(at: Date, quiet: Quiet, timeZone: string): Date {
  if (!quiet || !inQuietHours(at, quiet, timeZone)) return at;
  const w = wallClock(at, timeZone);
  const now = w.hour * 60 + w.minute;
  const end = minutesOf(quiet.end);
  const crossesMidnight = minutesOf(quiet.start) > end;
  // Late evening in a window across midnight: the end is tomorrow morning.
  const tomorrow = crossesMidnight && now >= minutesOf(quiet.start);
  const date = new Date(Date.UTC(w.year, w.month - 1, w.day + (tomorrow ? 1 : 0)));
  return instantOf({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }, end, timeZone);
}

/** When to ask for a review of an order delivered at `deliveredAt`. */
export function reviewRequestTime(deliveredAt: Date, settings: { delayDays: number; quietHours: Quiet }, timeZone: string): Date {
  return deferPastQuietHours(new Date(deliveredAt.getTime() + settings.delayDays * 86_400_000), settings.quietHours, timeZone);
}
