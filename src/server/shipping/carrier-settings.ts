import { z } from "zod";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";
import { CARRIERS, CARRIER_IDS, type Capabilities, type CarrierId, type RateCard } from "./carriers";

export type CarrierDto = {
  id: string;
  name: string;
  kind: "integrated" | "manual";
  enabled: boolean;
  accountNumber: string | null;
  capabilities: Capabilities;
  /** The store's own rate card: what it charges its customers for shipping (never what a label costs it). */
  rates: RateCard | null;
  phone?: string | null;
};

const MANUAL_CAPABILITIES: Capabilities = { pickup: false, dropoff: false, tracking: false, labels: false };

/** Every carrier the store can ship with: the integrated ones (with its account and rate card) and its own couriers. */
export async function listCarriers(ctx: StoreContext): Promise<CarrierDto[]> {
  const [accounts, couriers] = await Promise.all([
    db.carrierAccount.findMany({ where: { storeId: ctx.storeId } }),
    db.manualCourier.findMany({ where: { storeId: ctx.storeId, archivedAt: null }, orderBy: { name: "asc" } }),
  ]);
  const integrated = CARRIER_IDS.map((id): CarrierDto => {
    const account = accounts.find((a) => a.carrier === id);
    const profile = CARRIERS[id];
    return {
      id,
      name: profile.name,
      kind: "integrated",
      enabled: account?.enabled ?? false,
      accountNumber: account?.accountNumber ?? null,
      capabilities: profile.capabilities,
      rates: account
        ? {
            firstKg: account.firstKg,
            perAdditionalKg: account.perAdditionalKg,
            codFee: account.codFee,
            volumetricDivisor: account.volumetricDivisor,
            weightStepGrams: account.weightStepGrams,
          }
        : profile.defaultRates,
    };
  });
  const manual = couriers.map((c): CarrierDto => ({
    id: c.id,
    name: c.name,
    kind: "manual",
    enabled: true,
    accountNumber: null,
    capabilities: MANUAL_CAPABILITIES,
    rates: null,
    phone: c.phone,
  }));
  return [...integrated, ...manual];
}

export const carrierAccountInput = z.strictObject({
  carrier: z.enum(CARRIER_IDS),
  enabled: z.boolean(),
  accountNumber: z.string().trim().max(40).optional(),
  rates: z
    .strictObject({
      firstKg: z.number().int().min(0).max(1_000_000),
      perAdditionalKg: z.number().int().min(0).max(1_000_000),
      codFee: z.number().int().min(0).max(1_000_000),
      volumetricDivisor: z.number().int().min(1000).max(10_000),
      weightStepGrams: z.number().int().min(1).max(10_000),
    })
    .optional(),
});

/**
 * Owners and admins enable a carrier, set the store's own account number with it (then the carrier bills
 * the store for labels) and the rate card the store charges its customers.
 */
export async function saveCarrierAccount(ctx: StoreContext, input: z.output<typeof carrierAccountInput>) {
  const rates = input.rates ?? CARRIERS[input.carrier as CarrierId].defaultRates;
  await db.carrierAccount.upsert({
    where: { storeId_carrier: { storeId: ctx.storeId, carrier: input.carrier } },
    create: { storeId: ctx.storeId, carrier: input.carrier, enabled: input.enabled, accountNumber: input.accountNumber || null, ...rates },
    update: { enabled: input.enabled, accountNumber: input.accountNumber || null, ...(input.rates ?? {}) },
  });
}
