// When a review request goes out: the delay after delivery, then past the store's quiet hours in the
// store's own time zone. Pure: the clock and the zone are inputs.

type Quiet = { start: string; end: string } | null;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The wall clock of an instant in a time zone. */
function wallClock(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(at)
      .filter((p) => p.type !== "literal")
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
  return parts;
}

/** The instant a wall-clock time of a given local date happens in a time zone. */
function instantOf(local: { year: number; month: number; day: number }, minutes: number, timeZone: string): Date {
  const naive = Date.UTC(local.year, local.month - 1, local.day, Math.floor(minutes / 60), minutes % 60);
  let guess = naive;
  // Two rounds settle the zone's offset at that moment (enough for daylight-saving changes).
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(guess), timeZone);
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    guess = naive - (asUtc - guess);
  }
  return new Date(guess);
}

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
