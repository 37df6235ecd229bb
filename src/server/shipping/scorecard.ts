// The carrier scorecard: per carrier and destination city, labels, days from label to delivered (median
// and 90th percentile), on-time and return shares, the customers' ratings and the average cost — read from
// carrier_daily_stats, which triggers on shipments and reviews keep in each change's transaction — and
// Settings → Shipping → Choosing a carrier (the on-time days and the label form's preselect rule).
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { localToday } from "@/server/stores/business";
import { carrierStats, RANKING_DAYS, type CarrierStats, type CarrierTotals, type PreselectRule } from "./carrier-ranking";
import { cityKey } from "./cities";

export const carrierChoiceSchema = z.strictObject({
  /** A delivery within this many days of its label is on time. */
  onTimeDays: z.number().int().min(1).max(14).default(3),
  preselect: z
    .strictObject({
      enabled: z.boolean(),
      maxDays: z.number().min(0.5).max(14).multipleOf(0.5),
      minRating: z.number().min(1).max(5).multipleOf(0.1),
    })
    .default({ enabled: false, maxDays: 3, minRating: 4 }),
});
export type CarrierChoice = z.output<typeof carrierChoiceSchema>;

/** The store's choice, defaults filled in; a document that no longer parses falls back to the defaults. */
export function readCarrierChoice(stored: unknown): CarrierChoice {
  const parsed = carrierChoiceSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : carrierChoiceSchema.parse({});
}

export async function getCarrierChoice(ctx: StoreContext): Promise<CarrierChoice> {
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { carrierChoice: true } });
  return readCarrierChoice(store.carrierChoice);
}

export async function saveCarrierChoice(ctx: StoreContext, input: z.output<typeof carrierChoiceSchema>): Promise<void> {
  await db.store.update({ where: { id: ctx.storeId }, data: { carrierChoice: input } });
}

const DAY = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

type TotalsRow = Omit<CarrierTotals, "cost"> & { cost: bigint };

/** The rollup's days from..to (the store's days) added up per carrier and city; one city's only when given. */
async function carrierTotals(storeId: string, from: string, to: string, city?: string): Promise<CarrierTotals[]> {
  const cityFilter = city === undefined ? Prisma.empty : Prisma.sql`AND city = ${city}`;
  const rows = await db.$queryRaw<TotalsRow[]>`
    WITH days AS (
      SELECT * FROM carrier_daily_stats
      WHERE "storeId" = ${storeId}::uuid ${cityFilter} AND day BETWEEN ${from}::date AND ${to}::date),
    sums AS (
      SELECT carrier, city, sum(labels)::int AS labels, sum(cost)::bigint AS cost, sum(delivered)::int AS delivered,
        sum(returned)::int AS returned, sum("ratingSum")::int AS "ratingSum", sum("ratingCount")::int AS "ratingCount"
      FROM days GROUP BY 1, 2),
    hist AS (
      SELECT carrier, city, array_agg(n ORDER BY i) AS "deliverDays"
      FROM (SELECT carrier, city, i, sum(v)::int AS n FROM days, unnest("deliverDays") WITH ORDINALITY AS u(v, i) GROUP BY 1, 2, 3) x
      GROUP BY 1, 2)
    SELECT s.*, coalesce(h."deliverDays", '{}') AS "deliverDays" FROM sums s LEFT JOIN hist h USING (carrier, city)`;
  return rows.map((r) => ({ ...r, cost: Number(r.cost) }));
}

/** What the label form ranks on: the carriers' last RANKING_DAYS days to this order's city, and the store's rule. */
export async function carrierStatsForCity(
  ctx: StoreContext,
  city: string,
): Promise<{ city: string; stats: Record<string, CarrierStats>; rule: PreselectRule; onTimeDays: number }> {
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { timeZone: true, carrierChoice: true } });
  const choice = readCarrierChoice(store.carrierChoice);
  const key = cityKey(city);
  const to = localToday(store.timeZone);
  const totals = await carrierTotals(ctx.storeId, addDays(to, -(RANKING_DAYS - 1)), to, key);
  return {
    city: key,
    stats: Object.fromEntries(totals.filter((t) => t.labels > 0 || t.ratingCount > 0).map((t) => [t.carrier, carrierStats(t, choice.onTimeDays)])),
    rule: choice.preselect,
    onTimeDays: choice.onTimeDays,
  };
}

export const SCORECARD_PERIODS = [30, 90, 180, 365] as const;
export type ScorecardPeriod = (typeof SCORECARD_PERIODS)[number];

export type Scorecard = {
  period: { from: string; to: string; days: ScorecardPeriod };
  onTimeDays: number;
  /** Cities with the most labels first; in each, judged carriers fastest first, then those with thin data. */
  cities: { city: string; labels: number; carriers: CarrierStats[] }[];
};

/** Settings → Shipping → Carrier scorecard: every carrier and city of the period. */
export async function carrierScorecard(ctx: StoreContext, days: ScorecardPeriod): Promise<Scorecard> {
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { timeZone: true, carrierChoice: true } });
  const { onTimeDays } = readCarrierChoice(store.carrierChoice);
  const to = localToday(store.timeZone);
  const from = addDays(to, -(days - 1));
  const byCity = new Map<string, CarrierStats[]>();
  for (const t of await carrierTotals(ctx.storeId, from, to)) {
    if (t.labels === 0 && t.ratingCount === 0) continue;
    byCity.set(t.city, [...(byCity.get(t.city) ?? []), carrierStats(t, onTimeDays)]);
  }
  const speed = (s: CarrierStats) => (s.thin || s.medianDays === null ? Infinity : s.medianDays);
  const cities = [...byCity.entries()]
    .map(([city, carriers]) => ({
      city,
      labels: carriers.reduce((n, c) => n + c.labels, 0),
      carriers: carriers.sort((a, b) => speed(a) - speed(b) || b.labels - a.labels || a.carrier.localeCompare(b.carrier)),
    }))
    .sort((a, b) => b.labels - a.labels || a.city.localeCompare(b.city));
  return { period: { from, to, days }, onTimeDays, cities };
}
