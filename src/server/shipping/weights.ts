// Volumetric and chargeable weight, and what a shipment costs on a rate card. Integers only: sizes in
// millimetres, weights in grams, money in minor units, so nothing drifts.
import type { RateCard } from "./carriers";

export type Package = { weightGrams: number; lengthMm: number; widthMm: number; heightMm: number };

/** L×W×H / divisor, in grams, rounded up: mm³ / (cm³ per kg) = grams. */
export function volumetricGrams(p: Package, divisor: number): number {
  return Math.ceil((p.lengthMm * p.widthMm * p.heightMm) / divisor);
}

export function roundUpToStep(grams: number, step: number): number {
  return Math.ceil(grams / step) * step;
}

/** The larger of actual and volumetric weight, rounded up to the carrier's step. */
export function chargeableGrams(p: Package, rates: Pick<RateCard, "volumetricDivisor" | "weightStepGrams">): number {
  return roundUpToStep(Math.max(p.weightGrams, volumetricGrams(p, rates.volumetricDivisor), 1), rates.weightStepGrams);
}

export type Quote = { volumetricGrams: number; chargeableGrams: number; price: number };

/**
 * The price of a shipment of one or more packages: the first kilogram, then every further gram at the
 * per-kilogram rate (chargeable weight is already in whole steps), plus the cash-on-delivery fee.
 */
export function quote(packages: readonly Package[], rates: RateCard, options: { cashOnDelivery: boolean }): Quote {
  const volumetric = packages.reduce((sum, p) => sum + volumetricGrams(p, rates.volumetricDivisor), 0);
  const chargeable = packages.reduce((sum, p) => sum + chargeableGrams(p, rates), 0);
  const extraGrams = Math.max(0, chargeable - 1000);
  const price = rates.firstKg + Math.ceil((rates.perAdditionalKg * extraGrams) / 1000) + (options.cashOnDelivery ? rates.codFee : 0);
  return { volumetricGrams: volumetric, chargeableGrams: chargeable, price };
}

/**
 * When a box is charged by its size rather than its weight: the largest box volume (cm³) that would be
 * charged by weight instead. Null when the weight already decides.
 */
export function smallerBoxHint(p: Package, divisor: number): { maxVolumeCm3: number; savesGrams: number } | null {
  const volumetric = volumetricGrams(p, divisor);
  if (volumetric <= p.weightGrams) return null;
  return { maxVolumeCm3: Math.floor((p.weightGrams * divisor) / 1000), savesGrams: volumetric - p.weightGrams };
}

/** "30.5" cm → 305 mm; sizes come in centimetres with at most one decimal. */
export function cmToMm(cm: number): number {
  return Math.round(cm * 10);
}
