// The store's settings of the customer risk: the schema the save checks, defaults filled in on reading.
import { z } from "zod";
import { rule } from "@/server/http/validation";
import { DEFAULT_RISK_SETTINGS, RISK_ACTIONS, RISK_FACTORS, type RiskAction, type RiskBand, type RiskFactor, type RiskSettings } from "./risk-factors";

export { RISK_ACTIONS, type RiskAction } from "./risk-factors";

const weight = z.number().int().min(0).max(100);

export const riskSettingsSchema = z
  .strictObject({
    weights: z
      .strictObject(Object.fromEntries(RISK_FACTORS.map((f) => [f, weight])) as Record<RiskFactor, typeof weight>)
      .default(DEFAULT_RISK_SETTINGS.weights),
    bands: z.strictObject({ medium: z.number().int().min(1).max(100), high: z.number().int().min(1).max(100) }).default(DEFAULT_RISK_SETTINGS.bands),
    actions: z.strictObject({ medium: z.enum(RISK_ACTIONS), high: z.enum(RISK_ACTIONS) }).default({ medium: "nothing", high: "nothing" }),
  })
  .refine((s) => s.bands.high > s.bands.medium, { path: ["bands", "high"], message: rule("riskBandsOrder") });
export type StoreRiskSettings = z.output<typeof riskSettingsSchema>;

/** The store's settings, defaults filled in; a document that no longer parses falls back to the defaults. */
export function readRiskSettings(stored: unknown): StoreRiskSettings {
  const parsed = riskSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : riskSettingsSchema.parse({});
}

/** The scoring part, as the pure factors take it. */
export const scoringOf = (s: StoreRiskSettings): RiskSettings => ({ ...DEFAULT_RISK_SETTINGS, weights: s.weights, bands: s.bands });

export const actionFor = (s: StoreRiskSettings, band: RiskBand): RiskAction => (band === "low" ? "nothing" : s.actions[band]);
