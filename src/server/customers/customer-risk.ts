import { db, type Db, type Tx } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { riskFactors, riskScore, type FactorResult, type RiskAddress, type RiskBand, type RiskFactor, type RiskOrder } from "./risk-factors";
import { actionFor, readRiskSettings, scoringOf, type RiskAction, type StoreRiskSettings } from "./risk-settings";
import { getRiskSettings } from "./manage-risk-settings";

/** How far back the store's usual order is measured. */
const MEDIAN_DAYS = 90;

export type CustomerRiskDto = {
  customerId: string;
  score: number;
  band: RiskBand;
  /** What the store does for this band. */
  action: RiskAction;
  /** Every factor, with the orders behind it by number. */
  factors: (Omit<FactorResult, "orderIds"> & { orders: { id: string; number: number }[] })[];
  storeMedianTotal: number | null;
};

/** A Saudi national short address: four letters and four digits (RRRD2929). */
const SHORT_ADDRESS = /\b[A-Za-z]{4}\s?\d{4}\b/;
/** A building number written as such: four digits after "building" or "مبنى". */
const BUILDING = /(?:building|bldg|مبنى|مبني|عمارة)\s*(?:no\.?|رقم)?\s*[:#-]?\s*([0-9٠-٩]{4})(?![0-9٠-٩])/i;

/** What the address text says of the national address, for the "incomplete address" factor. */
export function readNationalAddress(text: string): RiskAddress {
  return { shortAddress: SHORT_ADDRESS.exec(text)?.[0] ?? null, buildingNumber: BUILDING.exec(text)?.[1] ?? null };
}

type Client = Tx | Db;

/** What a new order adds to the history while it is being placed (it is not written yet). */
const CONFIRMATION_OF: Record<string, RiskOrder["confirmation"]> = {
  AWAITING: "awaiting",
  CONFIRMED: "confirmed",
  DECLINED: "canceled",
  UNANSWERED: "no_answer",
};

const MEDIAN_TTL_MS = 10 * 60_000;
const medians = new Map<string, { at: number; median: number | null }>();

/**
 * The store's median order of the last 90 days, kept ten minutes in this process: it moves slowly, and every
 * COD order's intake asks for it (a sort of the store's recent orders each time would weigh on a busy store).
 */
async function storeMedian(client: Client, storeId: string): Promise<number | null> {
  const kept = medians.get(storeId);
  if (kept && Date.now() - kept.at < MEDIAN_TTL_MS) return kept.median;
  const [row] = await client.$queryRaw<{ median: number | null }[]>`
      SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY total) AS median FROM orders
      WHERE "storeId" = ${storeId}::uuid AND "placedAt" > now() - make_interval(days => ${MEDIAN_DAYS}) AND status <> 'CANCELED'`;
  medians.set(storeId, { at: Date.now(), median: row?.median ?? null });
  return row?.median ?? null;
}

export type CandidateOrder = { total: number; cod: boolean; address: string; shortAddress?: string | null; buildingNumber?: string | null };

/** The national address given in its own fields, else what the address text says of it. */
function nationalAddressOf(text: string, shortAddress?: string | null, buildingNumber?: string | null): RiskAddress {
  const read = readNationalAddress(text);
  return { shortAddress: shortAddress ?? read.shortAddress, buildingNumber: buildingNumber ?? read.buildingNumber };
}

/**
 * A customer's risk for cash on delivery, from their own orders in this store: each order's outcome, a
 * parcel that came back undelivered, the latest address, and the store's median order of the last 90 days.
 * At intake, the order being placed counts too (`candidate`): it is the latest, and may be the first.
 */
async function assess(client: Client, storeId: string, customerId: string | null, settings: StoreRiskSettings, candidate?: CandidateOrder) {
  // One after the other: at intake the client is a transaction, which runs one query at a time.
  const rows = await (customerId
    ? client.$queryRaw<
        {
          id: string;
          number: number;
          placedAt: Date;
          total: number;
          paymentMethod: string;
          status: string;
          confirmation: string | null;
          shippingAddress: string;
          shippingShortAddress: string | null;
          shippingBuildingNumber: string | null;
          refused: boolean;
        }[]
      >`
          SELECT o.id, o.number, o."placedAt", o.total, o."paymentMethod"::text AS "paymentMethod", o.status::text AS status,
            o.confirmation::text AS confirmation, o."shippingAddress", o."shippingShortAddress", o."shippingBuildingNumber",
            EXISTS (SELECT 1 FROM shipments s WHERE s."storeId" = ${storeId}::uuid AND s."orderId" = o.id AND s.status = 'RETURNED' AND s."deliveredAt" IS NULL) AS refused
          FROM orders o WHERE o."storeId" = ${storeId}::uuid AND o."customerId" = ${customerId}::uuid
          ORDER BY o."placedAt" DESC, o.id DESC LIMIT 500`
    : Promise.resolve([]));
  const median = { median: await storeMedian(client, storeId) };
  const orders: RiskOrder[] = rows.map((r) => ({
    id: r.id,
    placedAt: r.placedAt,
    total: r.total,
    cod: r.paymentMethod === "CASH_ON_DELIVERY",
    refusedAtDoor: r.refused,
    outcome:
      r.status === "DELIVERED" ? "delivered" : r.status === "RETURNED" ? "returned" : r.status === "CANCELED" || r.status === "REFUNDED" ? "canceled" : "open",
    confirmation: CONFIRMATION_OF[r.confirmation ?? ""] ?? "not_asked",
    canceledAfterConfirming: r.confirmation === "CONFIRMED" && r.status === "CANCELED",
  }));
  if (candidate)
    orders.push({
      id: "new",
      placedAt: new Date(),
      total: candidate.total,
      cod: candidate.cod,
      refusedAtDoor: false,
      outcome: "open",
      confirmation: "not_asked",
      canceledAfterConfirming: false,
    });
  const latest = rows[0];
  const address = candidate
    ? nationalAddressOf(candidate.address, candidate.shortAddress, candidate.buildingNumber)
    : latest
      ? nationalAddressOf(latest.shippingAddress, latest.shippingShortAddress, latest.shippingBuildingNumber)
      : null;
  const scoring = scoringOf(settings);
  const factors = riskFactors({ orders, storeMedianTotal: median?.median ?? null, address }, scoring);
  return { rows, factors, median: median?.median ?? null, ...riskScore(factors, scoring) };
}

export async function customerRisk(ctx: StoreContext, unverifiedCustomerId: string): Promise<CustomerRiskDto> {
  if (!isUuid(unverifiedCustomerId)) throw notFound("Customer");
  const customer = await db.customer.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: unverifiedCustomerId } }, select: { id: true } });
  if (!customer) throw notFound("Customer");
  const settings = await getRiskSettings(ctx);
  const { rows, factors, median, score, band } = await assess(db, ctx.storeId, customer.id, settings);
  const numbers = new Map(rows.map((r) => [r.id, r.number]));
  return {
    customerId: customer.id,
    score,
    band,
    action: actionFor(settings, band),
    factors: factors.map(({ orderIds, ...f }) => ({ ...f, orders: orderIds.map((id) => ({ id, number: numbers.get(id)! })) })),
    storeMedianTotal: median,
  };
}

/** The customer's risk as a COD order was weighed: kept on the order for the list and the API. */
export type RiskSnapshot = { score: number; band: RiskBand; reasons: { factor: RiskFactor; points: number }[] };

export type CodDecision =
  | {
      offered: true;
      /** The customer's band asks them to confirm a COD order. */
      confirm: boolean;
      /** The customer's band holds a COD order for a person's review. */
      hold: boolean;
      risk: RiskSnapshot;
    }
  | ({ offered: false } & RiskSnapshot);

/**
 * Whether a COD order may be placed for this phone, and what its risk band does to it. At intake the order
 * being placed counts (`candidate`). Every COD order is weighed, so the list and the API show its risk.
 */
export async function codDecision(client: Client, storeId: string, phone: string, candidate?: CandidateOrder): Promise<CodDecision> {
  const store = await client.store.findUniqueOrThrow({ where: { id: storeId }, select: { riskSettings: true } });
  const settings = readRiskSettings(store.riskSettings);
  const customer = await client.customer.findUnique({ where: { storeId_phone: { storeId, phone } }, select: { id: true } });
  const { factors, score, band } = await assess(client, storeId, customer?.id ?? null, settings, candidate);
  const action = actionFor(settings, band);
  const risk: RiskSnapshot = { score, band, reasons: factors.filter((f) => f.points > 0).map((f) => ({ factor: f.factor, points: f.points })) };
  if (action === "no_cod") return { offered: false, ...risk };
  return { offered: true, confirm: action === "confirm", hold: action === "hold", risk };
}

/** The checkout's question: may cash on delivery be offered to this phone? */
export async function paymentOptions(ctx: StoreContext, phone: string) {
  const decision = await codDecision(db, ctx.storeId, phone);
  // Whether a confirmation will be asked is the store's business, not the checkout's.
  return { cashOnDelivery: decision.offered ? { offered: true as const } : decision };
}
