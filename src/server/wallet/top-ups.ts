// Putting money into the wallet is a payment: the owner (or an admin the owner allows) starts a checkout
// at the payment provider, pays on its hosted page, and the wallet is credited only when the provider —
// asked by the server, never believed from a browser or a webhook body — says the invoice is paid for
// exactly this amount. One conditional update decides, so however many confirmations arrive (the
// provider's webhook, twice; the browser coming back; the worker's round), the wallet is credited once.
import { entryReference } from "./entry-reference";
import { z } from "zod";
import { rule } from "@/server/http/validation";
import { db } from "@/server/db/client";
import { systemContext, type StoreContext } from "@/server/auth/context";
import { AppError, notFound } from "@/server/errors/app-error";
import { isUuid, uuidv7 } from "@/server/ids";
import { publicUrl } from "@/server/http/public-url";
import { creditWallet, ensureWallet } from "./ledger";
import { mayTopUp } from "./wallet";
import { PaymentProviderError, type PaymentProvider, type ProviderInvoice } from "./payment-provider";

import { MAX_TOP_UP, MIN_TOP_UP } from "./top-up-limits";

export const startTopUpInput = z.strictObject({
  amount: z
    .number({ error: rule("amount") })
    .int(rule("amount"))
    .min(MIN_TOP_UP, rule("atLeastAmount", { amount: { money: MIN_TOP_UP, currency: "SAR" } }))
    .max(MAX_TOP_UP, rule("atMostAmount", { amount: { money: MAX_TOP_UP, currency: "SAR" } })),
});

export type TopUpDto = {
  id: string;
  amount: number;
  currency: string;
  status: "pending" | "paid" | "expired";
  checkoutUrl: string | null;
  lastError: string | null;
  createdAt: string;
  paidAt: string | null;
};

const toDto = (t: {
  id: string;
  amount: number;
  currency: string;
  status: string;
  checkoutUrl: string | null;
  lastError: string | null;
  createdAt: Date;
  paidAt: Date | null;
}): TopUpDto => ({
  id: t.id,
  amount: t.amount,
  currency: t.currency,
  status: t.status.toLowerCase() as TopUpDto["status"],
  checkoutUrl: t.status === "PENDING" ? t.checkoutUrl : null,
  lastError: t.lastError,
  createdAt: t.createdAt.toISOString(),
  paidAt: t.paidAt?.toISOString() ?? null,
});

async function assertMayTopUp(ctx: StoreContext) {
  const store = await db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { adminsMayTopUp: true } });
  if (!mayTopUp(ctx.role, store.adminsMayTopUp))
    throw new AppError("FORBIDDEN", "Only the store owner can top up the wallet.", { say: { key: "ownerTopsUp" } });
}

/**
 * Starts a top-up: an invoice at the provider (naming our top-up's id), then the pending top-up with its
 * checkout URL, where the merchant pays. A provider that refuses or cannot be reached leaves nothing.
 */
export async function startTopUp(ctx: StoreContext, input: z.output<typeof startTopUpInput>, provider: PaymentProvider): Promise<TopUpDto> {
  await assertMayTopUp(ctx);
  await ensureWallet(db, ctx.storeId);
  const [store, wallet] = await Promise.all([
    db.store.findUniqueOrThrow({ where: { id: ctx.storeId }, select: { slug: true, name: true } }),
    db.wallet.findUniqueOrThrow({ where: { storeId: ctx.storeId }, select: { currency: true } }),
  ]);
  const id = uuidv7();
  const back = `${publicUrl()}/s/${store.slug}/wallet?topUp=${id}`;
  let invoice: ProviderInvoice;
  try {
    invoice = await provider.createInvoice({
      amount: input.amount,
      currency: wallet.currency,
      description: `Tajer wallet top-up: ${store.name}`.slice(0, 255),
      callbackUrl: `${publicUrl()}/api/webhooks/payments/moyasar`,
      successUrl: back,
      backUrl: back,
      metadata: { storeId: ctx.storeId, topUpId: id },
    });
  } catch (error) {
    if (!(error instanceof PaymentProviderError)) throw error;
    throw new AppError("PAYMENT_PROVIDER_ERROR", `The payment could not be started: ${error.message} Nothing was charged.`, {
      details: { retryable: error.retryable },
      say: { key: "paymentNotStarted", params: { reason: error.message } },
    });
  }
  const topUp = await db.walletTopUp.create({
    data: {
      storeId: ctx.storeId,
      id,
      amount: input.amount,
      currency: wallet.currency,
      provider: provider.id,
      providerInvoiceId: invoice.id,
      checkoutUrl: invoice.url,
      createdById: ctx.actor.type === "USER" ? ctx.actor.id : null,
      actorName: ctx.actor.name,
    },
  });
  return toDto(topUp);
}

/**
 * Records what the provider's invoice says about a top-up: paid for exactly this amount and currency →
 * PAID and the wallet credited, in one transaction, only if it was still PENDING (so once, whoever asks);
 * expired or canceled → EXPIRED; a failed attempt → its reason kept (the merchant may pay again).
 */
export async function settleTopUp(storeId: string, topUpId: string, invoice: ProviderInvoice): Promise<TopUpDto> {
  return db.$transaction(async (tx) => {
    const topUp = await tx.walletTopUp.findUnique({ where: { storeId_id: { storeId, id: topUpId } } });
    if (!topUp || topUp.providerInvoiceId !== invoice.id) throw notFound("Top-up");
    const matches =
      invoice.amount === topUp.amount && invoice.currency === topUp.currency && invoice.metadata.topUpId === topUp.id && invoice.metadata.storeId === storeId;
    if (invoice.status === "paid" && matches) {
      const { count } = await tx.walletTopUp.updateMany({
        where: { storeId, id: topUpId, status: "PENDING" },
        data: { status: "PAID", paidAt: new Date(), lastError: null },
      });
      if (count === 1) {
        await creditWallet(tx, storeId, topUp.amount, {
          kind: "TOP_UP",
          reference: entryReference.moyasarInvoice(invoice.id),
          actorName: topUp.actorName ?? "Tajer",
        });
      }
    } else if (invoice.status === "paid") {
      // Paid, but not what we asked for: never credited; someone has to look.
      console.error(`[top-up ${topUpId}] provider invoice ${invoice.id} does not match: ${invoice.amount} ${invoice.currency}`);
      await tx.walletTopUp.updateMany({
        where: { storeId, id: topUpId, status: "PENDING" },
        data: { lastError: "The provider's invoice does not match this top-up; it was not credited." },
      });
    } else if (["expired", "canceled", "voided"].includes(invoice.status)) {
      await tx.walletTopUp.updateMany({ where: { storeId, id: topUpId, status: "PENDING" }, data: { status: "EXPIRED" } });
    } else {
      const failed = [...invoice.payments].reverse().find((p) => p.status === "failed");
      if (failed)
        await tx.walletTopUp.updateMany({
          where: { storeId, id: topUpId, status: "PENDING" },
          data: { lastError: (failed.message ?? "The payment was declined.").slice(0, 500) },
        });
    }
    return toDto(await tx.walletTopUp.findUniqueOrThrow({ where: { storeId_id: { storeId, id: topUpId } } }));
  });
}

/** Asks the provider about one of the store's top-ups and records the answer (the browser came back, or someone pressed "Check"). */
export async function confirmTopUp(ctx: StoreContext, unverifiedTopUpId: string, provider: PaymentProvider): Promise<TopUpDto> {
  if (!isUuid(unverifiedTopUpId)) throw notFound("Top-up");
  const topUp = await db.walletTopUp.findUnique({ where: { storeId_id: { storeId: ctx.storeId, id: unverifiedTopUpId } } });
  if (!topUp) throw notFound("Top-up");
  if (topUp.status !== "PENDING" || !topUp.providerInvoiceId) return toDto(topUp);
  try {
    return await settleTopUp(ctx.storeId, topUp.id, await provider.fetchInvoice(topUp.providerInvoiceId));
  } catch (error) {
    if (!(error instanceof PaymentProviderError)) throw error;
    // Not reachable now: still pending; the worker asks again.
    return toDto(topUp);
  }
}

export const moyasarWebhookInput = z.object({
  id: z.string().min(1).max(200),
  type: z.string().max(100),
  data: z.object({ invoice_id: z.string().min(1).max(100).nullish(), metadata: z.record(z.string(), z.string()).nullish() }).passthrough(),
});

/**
 * A webhook from the provider: its shared secret checked, then the invoice it names fetched from the
 * provider and recorded. The body itself decides nothing. Unknown invoices are ignored (200), so the
 * provider does not retry them for ever.
 */
export async function handlePaymentWebhook(body: unknown, provider: PaymentProvider): Promise<"settled" | "ignored"> {
  if (!provider.verifyWebhook(body)) throw new AppError("UNAUTHENTICATED", "Invalid webhook secret.");
  const event = moyasarWebhookInput.safeParse(body);
  if (!event.success || !event.data.data.invoice_id) return "ignored";
  const invoice = await provider.fetchInvoice(event.data.data.invoice_id);
  const { storeId, topUpId } = invoice.metadata;
  if (!storeId || !topUpId || !isUuid(storeId) || !isUuid(topUpId)) return "ignored";
  try {
    await settleTopUp(storeId, topUpId, invoice);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return "ignored";
    throw error;
  }
  return "settled";
}

/** The worker's round: pending top-ups whose confirmation never came are asked about again. */
export async function reconcileTopUps(provider: PaymentProvider, options: { olderThanMs?: number } = {}): Promise<{ paid: number; stillPending: number }> {
  const cutoff = new Date(Date.now() - (options.olderThanMs ?? 120_000));
  const pending = await db.walletTopUp.findMany({
    where: { status: "PENDING", providerInvoiceId: { not: null }, updatedAt: { lt: cutoff } },
    take: 100,
    orderBy: { createdAt: "asc" },
  });
  let paid = 0;
  for (const t of pending) {
    const settled = await confirmTopUp(systemContext(t.storeId), t.id, provider);
    if (settled.status === "paid") paid++;
    else if (settled.status === "pending")
      await db.walletTopUp.updateMany({ where: { storeId: t.storeId, id: t.id, status: "PENDING" }, data: { updatedAt: new Date() } });
  }
  return { paid, stillPending: pending.length - paid };
}

/** The store's recent top-ups, newest first (the wallet page shows the pending ones). */
export async function listTopUps(ctx: StoreContext, limit = 10): Promise<TopUpDto[]> {
  const rows = await db.walletTopUp.findMany({ where: { storeId: ctx.storeId }, orderBy: { createdAt: "desc" }, take: limit });
  return rows.map(toDto);
}
