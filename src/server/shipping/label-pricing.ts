// What a label costs the store's wallet. On the platform's contract with a carrier, the platform's own
// price (an installation setting, never a number a store's admin can set); on the store's own carrier
// account (it entered its account number), the carrier bills the store itself and the wallet pays only
// the platform's fee, if any. What the store charges its customers for shipping is its own rate card
// (Settings → Shipping), which never changes a debit.
import { z } from "zod";
import { AppError, issue } from "@/server/errors/app-error";
import { CARRIERS, CARRIER_IDS, type CarrierId, type RateCard } from "./carriers";
import { quote, type Package } from "./weights";

export type LabelBilling = "platform" | "own_account";

const money = z.number().int().min(0).max(10_000_000);
const rateCard = z.strictObject({
  firstKg: money.min(1),
  perAdditionalKg: money,
  codFee: money,
  volumetricDivisor: z.number().int().min(1000).max(10_000),
  weightStepGrams: z.number().int().min(1).max(10_000),
});
const platformRatesSetting = z.partialRecord(z.enum(CARRIER_IDS), rateCard.partial());

/** The platform's price list per carrier: the built-in one, with PLATFORM_RATES (JSON) over it. */
export function platformRates(env: Record<string, string | undefined> = process.env): Record<CarrierId, RateCard> {
  let overrides: z.output<typeof platformRatesSetting> = {};
  if (env.PLATFORM_RATES?.trim()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.PLATFORM_RATES);
    } catch {
      throw new AppError("RATE_UNAVAILABLE", "The platform's carrier prices (PLATFORM_RATES) are not valid JSON: labels cannot be priced.", {
        details: { setting: "PLATFORM_RATES" },
        say: { key: "platformPricesBroken" },
      });
    }
    const checked = platformRatesSetting.safeParse(parsed);
    if (!checked.success) {
      throw new AppError(
        "RATE_UNAVAILABLE",
        `The platform's carrier prices (PLATFORM_RATES) are not valid: ${checked.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}.`,
        { details: { setting: "PLATFORM_RATES" }, say: { key: "platformPricesBroken" } },
      );
    }
    overrides = checked.data;
  }
  return Object.fromEntries(CARRIER_IDS.map((id) => [id, { ...CARRIERS[id].defaultRates, ...overrides[id] }])) as Record<CarrierId, RateCard>;
}

/** The platform's fee for a label on a store's own carrier account (PLATFORM_LABEL_FEE, minor units; 0 by default). */
export function platformLabelFee(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PLATFORM_LABEL_FEE?.trim();
  if (!raw) return 0;
  if (!/^\d{1,9}$/.test(raw))
    throw new AppError("RATE_UNAVAILABLE", `PLATFORM_LABEL_FEE must be a whole number of minor units, not "${raw}".`, {
      details: { setting: "PLATFORM_LABEL_FEE" },
      say: { key: "platformPricesBroken" },
    });
  return Number(raw);
}

export function billingOf(account: { accountNumber: string | null } | null): LabelBilling {
  return account?.accountNumber?.trim() ? "own_account" : "platform";
}

export type LabelPrice = { billing: LabelBilling; price: number; chargeableGrams: number; volumetricGrams: number };

/** What this label debits from the wallet, and the weights the carrier charges by. A zero or invalid price is a 422, never a 500. */
export function labelPrice(
  carrier: CarrierId,
  account: { accountNumber: string | null } | null,
  packages: readonly Package[],
  options: { cashOnDelivery: boolean },
  env: Record<string, string | undefined> = process.env,
): LabelPrice {
  const card = platformRates(env)[carrier];
  const weights = quote(packages, card, options);
  const billing = billingOf(account);
  const price = billing === "own_account" ? platformLabelFee(env) : weights.price;
  if (!Number.isSafeInteger(price) || price < 0 || (billing === "platform" && price === 0)) {
    throw new AppError("RATE_UNAVAILABLE", `There is no valid price for a ${CARRIERS[carrier].name} label now. Try another carrier, or contact support.`, {
      fields: { carrier: issue("noPrice") },
      details: { carrier },
      say: { key: "noPlatformPrice", params: { carrier: { carrier } } },
    });
  }
  return { billing, price, chargeableGrams: weights.chargeableGrams, volumetricGrams: weights.volumetricGrams };
}
