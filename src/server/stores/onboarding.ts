import "server-only";
import { db } from "@/server/db/client";
import type { StoreContext } from "@/server/auth/context";

export const ONBOARDING_STEPS = ["branch", "carriers", "sms", "wallet", "reviews", "apiToken"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** Where each step is done. */
export const STEP_PATHS: Record<OnboardingStep, string> = {
  branch: "settings/shipping",
  carriers: "settings/shipping",
  sms: "settings/sms",
  wallet: "wallet",
  reviews: "settings/reviews",
  apiToken: "settings/api-tokens",
};

/**
 * A new store's first steps, each ticked by what the store holds now (nobody ticks them by hand): a branch
 * with working hours, a carrier enabled, the SMS sender chosen, money in the wallet, the order-evaluation
 * settings saved, an API token for the storefront.
 */
export async function onboardingChecklist(ctx: StoreContext): Promise<{ step: OnboardingStep; done: boolean }[]> {
  const storeId = ctx.storeId;
  const [branch, carrier, store, wallet, paidTopUp, token] = await Promise.all([
    db.branch.findFirst({ where: { storeId, archivedAt: null, NOT: { workingHours: { equals: {} } } }, select: { id: true } }),
    db.carrierAccount.findFirst({ where: { storeId, enabled: true }, select: { carrier: true } }),
    db.store.findUniqueOrThrow({ where: { id: storeId }, select: { smsMode: true, smsSenderName: true, reviewSettings: true } }),
    db.wallet.findUnique({ where: { storeId }, select: { balance: true } }),
    db.walletTopUp.findFirst({ where: { storeId, status: "PAID" }, select: { id: true } }),
    db.apiToken.findFirst({ where: { storeId, revokedAt: null }, select: { id: true } }),
  ]);
  const done: Record<OnboardingStep, boolean> = {
    branch: !!branch,
    carriers: !!carrier,
    sms: store.smsMode !== "PLATFORM" || store.smsSenderName !== "Tajer",
    wallet: !!paidTopUp || (wallet?.balance ?? 0) > 0,
    reviews: Object.keys((store.reviewSettings as object | null) ?? {}).length > 0,
    apiToken: !!token,
  };
  return ONBOARDING_STEPS.map((step) => ({ step, done: done[step] }));
}
