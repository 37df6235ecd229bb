// A customer's risk for cash on delivery, explained (pure: no I/O). Each factor is a named rule over the
// customer's own orders in this store — nothing is shared across stores — that says its value, its weight,
// the points it adds and the orders behind it, so the person deciding sees why, not only a number.

export const RISK_FACTORS = [
  "refusedAtDoor",
  "canceledAfterConfirming",
  "unconfirmed",
  "returnShare",
  "firstOrderAboveMedian",
  "codBurst",
  "incompleteAddress",
] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];
export type RiskBand = "low" | "medium" | "high";

/**
 * What a band does to a cash-on-delivery order: nothing, the customer is asked to confirm it, it is held for
 * a person's review (placed, but nothing moves it on until someone releases it), or cash on delivery is not offered.
 */
export const RISK_ACTIONS = ["nothing", "confirm", "hold", "no_cod"] as const;
export type RiskAction = (typeof RISK_ACTIONS)[number];

export type RiskOrder = {
  id: string;
  placedAt: Date;
  /** Minor units. */
  total: number;
  cod: boolean;
  /** The parcel came back without being delivered (refused, or not collected, at the door). */
  refusedAtDoor: boolean;
  /** Delivered and kept; `returned`: delivered and sent back. */
  outcome: "open" | "delivered" | "returned" | "canceled";
  /** The customer's answer to the confirmation request, where one was asked. */
  confirmation: "not_asked" | "awaiting" | "confirmed" | "canceled" | "no_answer";
  /** Canceled after the customer had confirmed it. */
  canceledAfterConfirming: boolean;
};

export type RiskAddress = { shortAddress: string | null; buildingNumber: string | null };

export type RiskSettings = {
  /** Points each factor adds at its full value; the score is their sum, at most 100. */
  weights: Record<RiskFactor, number>;
  /** The score from which a customer is in each band. */
  bands: { medium: number; high: number };
  /** "Several COD orders in a short time": this many within this many hours. */
  burst: { count: number; hours: number };
  /** "First order far above the store's median": this many times the median. */
  aboveMedianTimes: number;
};

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  weights: {
    refusedAtDoor: 40,
    canceledAfterConfirming: 20,
    unconfirmed: 15,
    returnShare: 20,
    firstOrderAboveMedian: 10,
    codBurst: 15,
    incompleteAddress: 10,
  },
  bands: { medium: 25, high: 50 },
  burst: { count: 3, hours: 24 },
  aboveMedianTimes: 3,
};

export type FactorResult = {
  factor: RiskFactor;
  /** What was measured: a count, a share (0–1) or 1/0 for a yes/no rule. */
  value: number;
  /** How much of the weight it earns (0–1). */
  strength: number;
  weight: number;
  points: number;
  /** The orders behind it. */
  orderIds: string[];
};

export type RiskInput = { orders: readonly RiskOrder[]; storeMedianTotal: number | null; address: RiskAddress | null };

/** Each factor on its own, in catalogue order, including those that add nothing (so the page can say so). */
export function riskFactors(input: RiskInput, settings: RiskSettings = DEFAULT_RISK_SETTINGS): FactorResult[] {
  const orders = [...input.orders].sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
  const result = (factor: RiskFactor, value: number, strength: number, orderIds: string[]): FactorResult => {
    const s = Math.max(0, Math.min(1, strength));
    return { factor, value, strength: s, weight: settings.weights[factor], points: Math.round(settings.weights[factor] * s), orderIds };
  };

  // Two refusals are as bad as it gets: each is two shipping legs paid for nothing.
  const refused = orders.filter((o) => o.refusedAtDoor);
  const canceledAfter = orders.filter((o) => o.canceledAfterConfirming);
  const unanswered = orders.filter((o) => o.confirmation === "no_answer");

  // The share of finished parcels that came back, once there are two to judge by.
  const finished = orders.filter((o) => o.outcome === "delivered" || o.outcome === "returned" || o.refusedAtDoor);
  const back = finished.filter((o) => o.outcome === "returned" || o.refusedAtDoor);
  const share = finished.length ? back.length / finished.length : 0;

  // A first order (nothing delivered before it) far above what this store's customers usually spend.
  const latest = orders.at(-1);
  const deliveredBefore = latest ? orders.some((o) => o !== latest && o.outcome === "delivered") : false;
  const above =
    !!latest &&
    !deliveredBefore &&
    input.storeMedianTotal !== null &&
    input.storeMedianTotal > 0 &&
    latest.total >= settings.aboveMedianTimes * input.storeMedianTotal;

  // The most COD orders inside any window of `hours`.
  const cod = orders.filter((o) => o.cod);
  let burst: RiskOrder[] = [];
  for (let i = 0, j = 0; j < cod.length; j++) {
    while (cod[j].placedAt.getTime() - cod[i].placedAt.getTime() > settings.burst.hours * 3600_000) i++;
    if (j - i + 1 > burst.length) burst = cod.slice(i, j + 1);
  }

  const incomplete = !!input.address && !input.address.shortAddress?.trim() && !input.address.buildingNumber?.trim();

  return [
    result(
      "refusedAtDoor",
      refused.length,
      refused.length / 2,
      refused.map((o) => o.id),
    ),
    result(
      "canceledAfterConfirming",
      canceledAfter.length,
      canceledAfter.length / 2,
      canceledAfter.map((o) => o.id),
    ),
    result(
      "unconfirmed",
      unanswered.length,
      unanswered.length / 3,
      unanswered.map((o) => o.id),
    ),
    result("returnShare", share, finished.length >= 2 ? share / 0.5 : 0, finished.length >= 2 ? back.map((o) => o.id) : []),
    result("firstOrderAboveMedian", above ? 1 : 0, above ? 1 : 0, above && latest ? [latest.id] : []),
    result("codBurst", burst.length, burst.length >= settings.burst.count ? 1 : 0, burst.length >= settings.burst.count ? burst.map((o) => o.id) : []),
    result("incompleteAddress", incomplete ? 1 : 0, incomplete ? 1 : 0, incomplete && latest ? [latest.id] : []),
  ];
}

/** The score (0–100) and band from the factors. */
export function riskScore(factors: readonly FactorResult[], settings: RiskSettings = DEFAULT_RISK_SETTINGS): { score: number; band: RiskBand } {
  const score = Math.min(
    100,
    factors.reduce((sum, f) => sum + f.points, 0),
  );
  return { score, band: score >= settings.bands.high ? "high" : score >= settings.bands.medium ? "medium" : "low" };
}

/** The median order total of a store's orders (minor units), or null with none. */
export function medianTotal(totals: readonly number[]): number | null {
  if (!totals.length) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}
