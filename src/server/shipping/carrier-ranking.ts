// The carrier scorecard's arithmetic and the label form's ranking (pure: the form ranks again as the
// packages, and so the prices, change). A carrier is judged on a city only with enough deliveries there;
// below that the scorecard says the data is thin instead of ranking on noise.
import { HALF_DAY_BUCKETS, percentileHours } from "@/server/stores/hours-histogram";

/** Deliveries to a city before a carrier's speed there is judged. */
export const MIN_DELIVERIES = 10;
/** Ratings before a carrier's average rating is shown as one. */
export const MIN_RATINGS = 5;
/** The label form judges carriers on this many days of labels. */
export const RANKING_DAYS = 180;

/** What the rollup adds up to for one carrier and city over a period. */
export type CarrierTotals = {
  carrier: string;
  city: string;
  labels: number;
  /** Minor units paid through Tajer for the labels. */
  cost: number;
  delivered: number;
  returned: number;
  deliverDays: readonly number[];
  ratingSum: number;
  ratingCount: number;
};

export type CarrierStats = {
  carrier: string;
  city: string;
  labels: number;
  delivered: number;
  returned: number;
  /** Label to delivered, in days; null with no delivery. `over`: two weeks or more. */
  medianDays: number | null;
  p90Days: number | null;
  over: boolean;
  /** Delivered within the store's on-time days, of those delivered (0–1). */
  onTimeShare: number | null;
  /** Refused or returned to the sender, of those that reached an end (0–1). */
  returnShare: number | null;
  /** The customers' average rating of the carrier; null below MIN_RATINGS. */
  rating: number | null;
  ratingCount: number;
  averageCost: number | null;
  /** Too few deliveries to judge the carrier's speed in this city. */
  thin: boolean;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Days from a period's totals: medians, on-time and return shares, the average rating and cost. */
export function carrierStats(t: CarrierTotals, onTimeDays: number): CarrierStats {
  const median = percentileHours(t.deliverDays, 0.5, HALF_DAY_BUCKETS);
  const p90 = percentileHours(t.deliverDays, 0.9, HALF_DAY_BUCKETS);
  const limit = onTimeDays * 24;
  const counted = t.deliverDays.reduce((a, b) => a + b, 0);
  const onTime = HALF_DAY_BUCKETS.reduce((n, upper, i) => n + (upper <= limit ? (t.deliverDays[i] ?? 0) : 0), 0);
  const ended = t.delivered + t.returned;
  return {
    carrier: t.carrier,
    city: t.city,
    labels: t.labels,
    delivered: t.delivered,
    returned: t.returned,
    medianDays: median ? round1(median.hours / 24) : null,
    p90Days: p90 ? round1(p90.hours / 24) : null,
    over: !!p90?.over,
    onTimeShare: counted ? onTime / counted : null,
    returnShare: ended ? t.returned / ended : null,
    rating: t.ratingCount >= MIN_RATINGS ? round1(t.ratingSum / t.ratingCount) : null,
    ratingCount: t.ratingCount,
    averageCost: t.labels > 0 ? Math.round(t.cost / t.labels) : null,
    thin: t.delivered < MIN_DELIVERIES,
  };
}

/** The store's rule for the label form: the cheapest carrier that delivers to the city fast enough and is rated well enough. */
export type PreselectRule = { enabled: boolean; maxDays: number; minRating: number };

/**
 * Where a carrier stands for this order:
 * - `pick`: it meets the store's rule and is the cheapest that does (preselected);
 * - `meets`: it meets the rule, at a higher price;
 * - `slower`, `fewRatings`, `ratedLower`: the first part of the rule it misses;
 * - `thin`: too few deliveries to the city to judge;
 * - null: judged, and the store has no rule.
 */
export type Verdict = "pick" | "meets" | "slower" | "fewRatings" | "ratedLower" | "thin" | null;

export type RankedCarrier<T> = T & { stats: CarrierStats | null; verdict: Verdict; fastest: boolean };

/**
 * The carriers for one order's city, best first. With a rule: those that meet it, cheapest first; then
 * the other judged ones, fastest first; then those with thin data, cheapest first. Without one: judged
 * carriers fastest first (the cheaper first at equal speed), then thin ones, cheapest first.
 */
export function rankCarriers<T extends { id: string; price: number }>(
  options: readonly T[],
  stats: Readonly<Record<string, CarrierStats>>,
  rule: PreselectRule,
): RankedCarrier<T>[] {
  const withStats = options.map((o) => ({ ...o, stats: stats[o.id] ?? null }));
  const judged = (o: (typeof withStats)[number]) => !!o.stats && !o.stats.thin && o.stats.medianDays !== null;
  const verdictOf = (o: (typeof withStats)[number]): Verdict => {
    if (!judged(o)) return "thin";
    if (!rule.enabled) return null;
    const s = o.stats!;
    if (s.over || s.medianDays! > rule.maxDays) return "slower";
    if (s.rating === null) return "fewRatings";
    if (s.rating < rule.minRating) return "ratedLower";
    return "meets";
  };
  const speed = (o: (typeof withStats)[number]) => o.stats?.medianDays ?? Infinity;
  const byPrice = (a: (typeof withStats)[number], b: (typeof withStats)[number]) => a.price - b.price || speed(a) - speed(b) || a.id.localeCompare(b.id);
  const bySpeed = (a: (typeof withStats)[number], b: (typeof withStats)[number]) => speed(a) - speed(b) || a.price - b.price || a.id.localeCompare(b.id);
  const rated = withStats.map((o) => ({ ...o, verdict: verdictOf(o) }));
  const meets = rated.filter((o) => o.verdict === "meets").sort(byPrice);
  const rest = rated.filter((o) => o.verdict !== "meets" && o.verdict !== "thin").sort(bySpeed);
  const thin = rated.filter((o) => o.verdict === "thin").sort(byPrice);
  if (meets[0]) meets[0] = { ...meets[0], verdict: "pick" };
  const fastest = Math.min(...rated.filter(judged).map(speed));
  return [...meets, ...rest, ...thin].map((o) => ({ ...o, fastest: judged(o) && speed(o) === fastest }));
}
