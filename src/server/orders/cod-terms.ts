// The store's terms for cash on delivery: a fee the order pays, and the order values it is offered for —
// for every city, and city by city where the store says otherwise. Pure: the schema the settings save and
// the decision intake makes.
import { z } from "zod";
import { cityKey } from "@/server/shipping/cities";
import { rule } from "@/server/http/validation";

const MAX_AMOUNT = 100_000_000;
const amount = z.number().int().min(0).max(MAX_AMOUNT);
const terms = {
  /** Added to the order's total, in minor units; 0: none. */
  fee: amount.default(0),
  /** COD is offered for orders of at least / at most this (before the fee); null: no limit. */
  min: amount.nullable().default(null),
  max: amount.nullable().default(null),
};
const ordered = (t: { min: number | null; max: number | null }) => t.min === null || t.max === null || t.min <= t.max;

export const cityTermsSchema = z
  .strictObject({ city: z.string().trim().min(1).max(60), ...terms })
  .refine(ordered, { path: ["max"], message: rule("codMaxBelowMin") });
export const codTermsSchema = z
  .strictObject({ ...terms, cities: z.array(cityTermsSchema).max(50).default([]) })
  .refine(ordered, { path: ["max"], message: rule("codMaxBelowMin") })
  .refine((t) => new Set(t.cities.map((c) => cityKey(c.city))).size === t.cities.length, { path: ["cities"], message: rule("codCityTwice") });
export type CodTerms = z.output<typeof codTermsSchema>;
export type CityTerms = Pick<CodTerms, "fee" | "min" | "max">;

export const NO_COD_TERMS: CodTerms = { fee: 0, min: null, max: null, cities: [] };

/** The store's terms, defaults filled in; a document that no longer parses means no fee and no limits. */
export function readCodTerms(stored: unknown): CodTerms {
  const parsed = codTermsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : NO_COD_TERMS;
}

/** The terms for an order going to `city`: the city's own when the store set them (any spelling of it), else the store's. */
export function termsForCity(terms: CodTerms, city: string): CityTerms & { city: string | null } {
  const key = cityKey(city);
  const own = terms.cities.find((c) => cityKey(c.city) === key);
  return own ? { fee: own.fee, min: own.min, max: own.max, city: own.city } : { fee: terms.fee, min: terms.min, max: terms.max, city: null };
}

export type CodTermsDecision = { offered: true; fee: number } | { offered: false; rule: "below_minimum" | "above_maximum"; limit: number; city: string | null };

/** Whether an order of `value` (its total before the fee) going to `city` may be paid on delivery, and its fee. */
export function codTermsDecision(terms: CodTerms, city: string, value: number): CodTermsDecision {
  const t = termsForCity(terms, city);
  if (t.min !== null && value < t.min) return { offered: false, rule: "below_minimum", limit: t.min, city: t.city };
  if (t.max !== null && value > t.max) return { offered: false, rule: "above_maximum", limit: t.max, city: t.city };
  return { offered: true, fee: t.fee };
}
