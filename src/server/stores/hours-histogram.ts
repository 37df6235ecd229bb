// Hours from one step of an order to the next, counted in fixed buckets by the database (tajer_hours_bucket,
// tajer_half_day_bucket): the median and the 90th percentile of a period are read from the buckets' counts (pure).

/** Each bucket's upper bound in hours; the last one has none. */
export const HOUR_BUCKETS = [1, 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168, 336, Infinity] as const;

/** Adds days' histograms together. */
export function sumHistograms(histograms: readonly (readonly number[])[], bounds: readonly number[] = HOUR_BUCKETS): number[] {
  const total = bounds.map(() => 0);
  for (const h of histograms) for (let i = 0; i < total.length; i++) total[i] += h[i] ?? 0;
  return total;
}

/** The carrier scorecard's buckets (tajer_half_day_bucket): half days up to two weeks, then "two weeks or more". */
export const HALF_DAY_BUCKETS: readonly number[] = [...Array.from({ length: 28 }, (_, i) => (i + 1) * 12), Infinity];

/**
 * The hours below which a share `p` (0–1) of the counted orders fall, linear within its bucket; null when
 * nothing was counted, and the last bucket's lower bound ("more than 336 hours") when it falls there.
 * `bounds` are the buckets' upper bounds in hours (the home page's by default).
 */
export function percentileHours(histogram: readonly number[], p: number, bounds: readonly number[] = HOUR_BUCKETS): { hours: number; over: boolean } | null {
  const n = histogram.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const rank = p * n;
  let seen = 0;
  for (let i = 0; i < bounds.length; i++) {
    const count = histogram[i] ?? 0;
    if (count > 0 && seen + count >= rank) {
      const lower = i === 0 ? 0 : bounds[i - 1];
      const upper = bounds[i];
      if (upper === Infinity) return { hours: lower, over: true };
      return { hours: lower + ((rank - seen) / count) * (upper - lower), over: false };
    }
    seen += count;
  }
  return { hours: bounds[bounds.length - 2], over: true };
}
