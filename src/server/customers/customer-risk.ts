import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { DEFAULT_RISK_SETTINGS, riskFactors, riskScore, type FactorResult, type RiskAddress, type RiskBand, type RiskOrder } from "./risk-factors";

/** How far back the store's usual order is measured. */
const MEDIAN_DAYS = 90;

export type CustomerRiskDto = {
  customerId: string;
  score: number;
  band: RiskBand;
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

/**
 * A customer's risk for cash on delivery, from their own orders in this store: each order's outcome, a
 * parcel that came back undelivered, the latest address, and the store's median order of the last 90 days.
 */
export async function customerRisk(ctx: StoreContext, unverifiedCustomerId: string): Promise<CustomerRiskDto> {
  if (!isUuid(unverifiedCustomerId)) throw notFound("Customer");
  const customer = await db.customer.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: unverifiedCustomerId } }, select: { id: true } });
  if (!customer) throw notFound("Customer");
  const [rows, [median]] = await Promise.all([
    db.$queryRaw<
      { id: string; number: number; placedAt: Date; total: number; paymentMethod: string; status: string; shippingAddress: string; refused: boolean }[]
    >`
      SELECT o.id, o.number, o."placedAt", o.total, o."paymentMethod"::text AS "paymentMethod", o.status::text AS status, o."shippingAddress",
        EXISTS (SELECT 1 FROM shipments s WHERE s."storeId" = o."storeId" AND s."orderId" = o.id AND s.status = 'RETURNED' AND s."deliveredAt" IS NULL) AS refused
      FROM orders o WHERE o."storeId" = ${ctx.storeId}::uuid AND o."customerId" = ${customer.id}::uuid
      ORDER BY o."placedAt" DESC, o.id DESC LIMIT 500`,
    db.$queryRaw<{ median: number | null }[]>`
      SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY total) AS median FROM orders
      WHERE "storeId" = ${ctx.storeId}::uuid AND "placedAt" > now() - make_interval(days => ${MEDIAN_DAYS}) AND status <> 'CANCELED'`,
  ]);
  const orders: RiskOrder[] = rows.map((r) => ({
    id: r.id,
    placedAt: r.placedAt,
    total: r.total,
    cod: r.paymentMethod === "CASH_ON_DELIVERY",
    refusedAtDoor: r.refused,
    outcome:
      r.status === "DELIVERED" ? "delivered" : r.status === "RETURNED" ? "returned" : r.status === "CANCELED" || r.status === "REFUNDED" ? "canceled" : "open",
    // Confirmation requests are not sent yet: no order has been asked.
    confirmation: "not_asked",
    canceledAfterConfirming: false,
  }));
  const latest = rows[0];
  const factors = riskFactors(
    { orders, storeMedianTotal: median?.median ?? null, address: latest ? readNationalAddress(latest.shippingAddress) : null },
    DEFAULT_RISK_SETTINGS,
  );
  const numbers = new Map(rows.map((r) => [r.id, r.number]));
  return {
    customerId: customer.id,
    ...riskScore(factors, DEFAULT_RISK_SETTINGS),
    factors: factors.map(({ orderIds, ...f }) => ({ ...f, orders: orderIds.map((id) => ({ id, number: numbers.get(id)! })) })),
    storeMedianTotal: median?.median ?? null,
  };
}
