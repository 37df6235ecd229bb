import { z } from "zod";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { notFound } from "@/server/errors/app-error";
import { isUuid } from "@/server/ids";
import { visibleOrders } from "@/server/orders/order-scope";
import { amountToCollect, paymentMethodFromDb, paymentStatusFromDb } from "@/server/orders/order-status";
import { listCarriers } from "./carrier-settings";
import { cmToMm, quote, type Package } from "./weights";
import { labelPrice, type LabelBilling } from "./label-pricing";
import type { CarrierId } from "./carriers";

const centimetres = z.number().positive().max(300).multipleOf(0.1);
export const packagesInput = z
  .array(z.strictObject({ weightGrams: z.number().int().min(1).max(70_000), lengthCm: centimetres, widthCm: centimetres, heightCm: centimetres }))
  .min(1)
  .max(20);
export const ratesInput = z.strictObject({ packages: packagesInput, orderId: z.string().optional() });

export const toPackages = (input: z.output<typeof packagesInput>): Package[] =>
  input.map((p) => ({ weightGrams: p.weightGrams, lengthMm: cmToMm(p.lengthCm), widthMm: cmToMm(p.widthCm), heightMm: cmToMm(p.heightCm) }));

export type RateDto = {
  carrier: string;
  name: string;
  volumetricWeightGrams: number;
  chargeableWeightGrams: number;
  /** What a label costs the store's wallet: the platform's price, or (own carrier account) the platform's fee. */
  price: number;
  billing: LabelBilling;
  /** What the store charges its customers for this shipment, by its own rate card. */
  customerPrice: number;
  currency: string;
  cheapest: boolean;
};

/**
 * A quote from every enabled integrated carrier, cheapest for the wallet first: what the label would
 * cost the store, and what the store's own rate card charges its customer. Cash on delivery adds its
 * fee when the order collects cash.
 */
export async function quoteRates(ctx: StoreContext, input: z.output<typeof ratesInput>): Promise<RateDto[]> {
  let cashOnDelivery = false;
  if (input.orderId) {
    if (!isUuid(input.orderId)) throw notFound("Order");
    const order = await db.order.findFirst({
      where: { ...visibleOrders(ctx), id: input.orderId },
      select: { paymentMethod: true, paymentStatus: true, total: true },
    });
    if (!order) throw notFound("Order");
    cashOnDelivery = amountToCollect(paymentMethodFromDb(order.paymentMethod), paymentStatusFromDb(order.paymentStatus), order.total) > 0;
  }
  const [carriers, store] = await Promise.all([listCarriers(ctx), db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { currency: true } })]);
  const packages = toPackages(input.packages);
  const rates = carriers
    .filter((c) => c.kind === "integrated" && c.enabled && c.rates)
    .map((c) => {
      const label = labelPrice(c.id as CarrierId, c, packages, { cashOnDelivery });
      const customer = quote(packages, c.rates!, { cashOnDelivery });
      return {
        carrier: c.id,
        name: c.name,
        volumetricWeightGrams: label.volumetricGrams,
        chargeableWeightGrams: label.chargeableGrams,
        price: label.price,
        billing: label.billing,
        customerPrice: customer.price,
        currency: store.currency,
        cheapest: false,
      };
    })
    .sort((a, b) => a.price - b.price || a.carrier.localeCompare(b.carrier));
  if (rates[0]) rates[0].cheapest = true;
  return rates;
}
