// Settings → Cash on delivery → Fee and limits.
import type { StoreContext } from "@/server/auth/context";
import { db } from "@/server/db/client";
import { codTermsDecision, readCodTerms, termsForCity, type CodTerms, type CodTermsDecision } from "./cod-terms";

export async function getCodTerms(ctx: StoreContext): Promise<CodTerms> {
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { codTerms: true } });
  return readCodTerms(store.codTerms);
}

/** One document, replaced whole: read at each intake in the order's own transaction. */
export async function saveCodTerms(ctx: StoreContext, terms: CodTerms): Promise<void> {
  await db.store.update({ where: { id: ctx.storeId }, data: { codTerms: terms } });
}

/** The checkout's question for a city (and the order's value before the fee, when known): offered with the fee, or the limit. */
export async function codTermsForCheckout(ctx: StoreContext, city: string, amount?: number): Promise<CodTermsDecision & { currency: string }> {
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { codTerms: true, currency: true } });
  const terms = readCodTerms(store.codTerms);
  const decision: CodTermsDecision = amount === undefined ? { offered: true, fee: termsForCity(terms, city).fee } : codTermsDecision(terms, city, amount);
  return { ...decision, currency: store.currency };
}
