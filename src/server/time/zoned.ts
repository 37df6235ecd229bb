// Wall clocks in a time zone, with Intl only: what an instant reads on a store's clock, and which instant
// a store's wall-clock time is. Pure.

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall clock of an instant in a time zone. */
export function wallClock(at: Date, timeZone: string): WallClock {
  return Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(at)
      .filter((p) => p.type !== "literal")
      .map((p) => [p.type, Number(p.value)]),
  ) as WallClock;
}

/** The instant a wall-clock time (minutes after midnight) of a local date happens in a time zone. */
export function instantOf(local: { year: number; month: number; day: number }, minutes: number, timeZone: string): Date {
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

/** "09:30" → 570. */
export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The local calendar date `days` after the one an instant falls on in a time zone. */
export function localDate(at: Date, timeZone: string, days = 0): { year: number; month: number; day: number; weekday: number } {
  const w = wallClock(at, timeZone);
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

const two = (n: number) => String(n).padStart(2, "0");

/** An instant on a store's clock as ISO date and time: { date: "2026-12-01", time: "13:05:22" }. */
export function clockText(at: Date, timeZone: string): { date: string; time: string } {
  const c = wallClock(at, timeZone);
  return { date: `${c.year}-${two(c.month)}-${two(c.day)}`, time: `${two(c.hour)}:${two(c.minute)}:${two(c.second)}` };
}
