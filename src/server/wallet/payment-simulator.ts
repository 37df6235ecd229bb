// A local stand-in for Moyasar, for the demo and the tests, behaving like it: its invoices API (Basic auth
// with a secret key, amounts in halalas, the same JSON), a hosted checkout page, card payments with test
// cards (approved, declined, a 3-D Secure step, a webhook that arrives late or twice), and webhooks carrying
// the secret token. Its records live in their own table: what "the provider" knows. Only on an installation
// without MOYASAR_SECRET_KEY (paymentSimulatorEnabled).
import { randomUUID } from "node:crypto";
import { settings } from "@/server/settings";
import { sameSecret } from "@/server/http/same-secret";
import { z } from "zod";
import { db } from "@/server/db/client";
import { isUuid } from "@/server/ids";
import { publicUrl } from "@/server/http/public-url";
import type { Prisma } from "@/generated/prisma/client";
import { simulatorKeys } from "./payment-provider";

/** The simulator's test cards, by what they do (any name, any future expiry, any 3-digit CVC). */
export const TEST_CARDS = {
  "4111111111111111": "approved",
  "4000000000000002": "declined",
  "4000000000003220": "three_d_secure",
  "4000000000000077": "late_webhook",
  "4000000000000051": "twice_webhook",
} as const;
export type CardBehaviour = (typeof TEST_CARDS)[keyof typeof TEST_CARDS];
/** The code the simulated bank asks for in its 3-D Secure step. */
export const THREE_D_SECURE_CODE = "1234";

type SimPayment = {
  id: string;
  status: "initiated" | "paid" | "failed";
  amount: number;
  message: string;
  name: string;
  last4: string;
  behaviour: CardBehaviour;
  created_at: string;
};
type SimInvoice = {
  id: string;
  accountKey: string;
  amount: number;
  currency: string;
  description: string;
  status: string;
  callbackUrl: string | null;
  successUrl: string | null;
  backUrl: string | null;
  metadata: unknown;
  payments: unknown;
  createdAt: Date;
  updatedAt: Date;
};

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const invoiceUrl = (id: string) => `${publicUrl()}/payments-sim/i/${id}`;

/** The invoice as Moyasar's API returns it. */
export function invoiceJson(row: SimInvoice) {
  const payments = row.payments as SimPayment[];
  return {
    id: row.id,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    description: row.description,
    amount_format: `${(row.amount / 100).toFixed(2)} ${row.currency}`,
    url: invoiceUrl(row.id),
    callback_url: row.callbackUrl,
    success_url: row.successUrl,
    back_url: row.backUrl,
    metadata: row.metadata,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    payments: payments.map((p) => ({
      id: p.id,
      status: p.status,
      amount: p.amount,
      currency: row.currency,
      invoice_id: row.id,
      created_at: p.created_at,
      source: { type: "creditcard", company: "visa", name: p.name, number: `4111-11XX-XXXX-${p.last4}`, message: p.message },
    })),
  };
}

/** The caller's secret key, from Basic auth, must be the simulator's (as Moyasar answers 401 otherwise). */
export async function authenticateSim(authorization: string | null): Promise<string> {
  const { secretKey } = await simulatorKeys();
  const given = authorization?.startsWith("Basic ") ? Buffer.from(authorization.slice(6), "base64").toString().replace(/:$/, "") : "";
  if (!sameSecret(given, secretKey)) throw new SimError(401, "authentication_error", "Invalid authorization credentials");
  return secretKey;
}

const url = z.string().url().max(2000);
export const simInvoiceInput = z.object({
  amount: z.number().int().min(100),
  currency: z.string().length(3).default("SAR"),
  description: z.string().min(1).max(255),
  callback_url: url.optional(),
  success_url: url.optional(),
  back_url: url.optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});

export async function simCreateInvoice(accountKey: string, body: unknown) {
  const parsed = simInvoiceInput.safeParse(body);
  if (!parsed.success) throw new SimError(400, "invalid_request_error", parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "));
  const input = parsed.data;
  const row = await db.paymentSimInvoice.create({
    data: {
      id: randomUUID(),
      accountKey,
      amount: input.amount,
      currency: input.currency.toUpperCase(),
      description: input.description,
      status: "initiated",
      callbackUrl: input.callback_url ?? null,
      successUrl: input.success_url ?? null,
      backUrl: input.back_url ?? null,
      metadata: input.metadata ?? {},
    },
  });
  return invoiceJson(row);
}

export async function simInvoice(id: string): Promise<SimInvoice | null> {
  if (!isUuid(id)) return null;
  return db.paymentSimInvoice.findUnique({ where: { id } });
}

const luhn = (digits: string) =>
  digits
    .split("")
    .reverse()
    .reduce((sum, d, i) => {
      const n = Number(d) * (i % 2 ? 2 : 1);
      return sum + (n > 9 ? n - 9 : n);
    }, 0) %
    10 ===
  0;

export const cardInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, "name")
    .max(60, "name")
    .regex(/^[^\u0000-\u001f]+$/, "name"),
  number: z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(
      z
        .string()
        .regex(/^\d{16}$/, "number")
        .refine(luhn, "number"),
    ),
  expiry: z
    .string()
    .trim()
    .regex(/^(0[1-9]|1[0-2])\s*\/\s*(\d{2})$/, "expiry"),
  cvc: z
    .string()
    .trim()
    .regex(/^\d{3}$/, "cvc"),
});

/** Where the browser goes next after a step on the hosted page. */
type Next = { redirect: string };

/** The card form on the hosted page: the card decides what happens, as a bank would. */
export async function simPay(invoiceId: string, form: Record<string, string>, now = new Date()): Promise<Next> {
  const invoice = await simInvoice(invoiceId);
  if (!invoice) throw new SimError(404, "not_found", "Invoice not found");
  if (invoice.status !== "initiated") return { redirect: invoice.successUrl ?? invoiceUrl(invoice.id) };
  const card = cardInput.safeParse(form);
  if (!card.success) return { redirect: `${invoiceUrl(invoice.id)}?error=${encodeURIComponent(card.error.issues[0].message)}` };
  const [, month, year] = /^(\d\d)\s*\/\s*(\d\d)$/.exec(card.data.expiry)!;
  if (new Date(2000 + Number(year), Number(month), 1) <= now) return { redirect: `${invoiceUrl(invoice.id)}?error=expired` };
  const behaviour: CardBehaviour = TEST_CARDS[card.data.number as keyof typeof TEST_CARDS] ?? "declined";
  const payment: SimPayment = {
    id: randomUUID(),
    status: "initiated",
    amount: invoice.amount,
    message: "",
    name: card.data.name,
    last4: card.data.number.slice(-4),
    behaviour,
    created_at: now.toISOString(),
  };
  if (behaviour === "three_d_secure") {
    await addPayment(invoice.id, { ...payment, message: "Waiting for 3-D Secure authentication" });
    return { redirect: `${publicUrl()}/payments-sim/3ds/${invoice.id}?payment=${payment.id}` };
  }
  if (behaviour === "declined") {
    await finishPayment(invoice.id, { ...payment, status: "failed", message: "INSUFFICIENT_FUNDS: the card was declined" });
    return { redirect: `${invoiceUrl(invoice.id)}?error=declined` };
  }
  await finishPayment(invoice.id, { ...payment, status: "paid", message: "APPROVED" });
  return { redirect: invoice.successUrl ?? invoiceUrl(invoice.id) };
}

/** The bank's 3-D Secure page: the right code pays, a wrong one fails the attempt. */
export async function simConfirm3ds(invoiceId: string, paymentId: string, code: string): Promise<Next> {
  const invoice = await simInvoice(invoiceId);
  if (!invoice) throw new SimError(404, "not_found", "Invoice not found");
  const payment = (invoice.payments as SimPayment[]).find((p) => p.id === paymentId && p.status === "initiated");
  if (!payment || invoice.status !== "initiated") return { redirect: invoice.successUrl ?? invoiceUrl(invoice.id) };
  if (code.trim() !== THREE_D_SECURE_CODE) {
    await finishPayment(invoice.id, { ...payment, status: "failed", message: "3-D Secure authentication failed" });
    return { redirect: `${invoiceUrl(invoice.id)}?error=three_d_secure` };
  }
  await finishPayment(invoice.id, { ...payment, status: "paid", message: "APPROVED" });
  return { redirect: invoice.successUrl ?? invoiceUrl(invoice.id) };
}

async function addPayment(invoiceId: string, payment: SimPayment) {
  await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ payments: SimPayment[] }[]>`SELECT payments FROM payment_sim_invoices WHERE id = ${invoiceId}::uuid FOR UPDATE`;
    await tx.paymentSimInvoice.update({
      where: { id: invoiceId },
      data: { payments: [...row.payments.filter((p) => p.id !== payment.id), payment] as unknown as Prisma.InputJsonValue },
    });
  });
}

/** An attempt ends: paid (the invoice with it, only once) or failed; then the webhook goes, as the card says. */
async function finishPayment(invoiceId: string, payment: SimPayment) {
  const paid = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { status: string; payments: SimPayment[] }[]
    >`SELECT status, payments FROM payment_sim_invoices WHERE id = ${invoiceId}::uuid FOR UPDATE`;
    if (payment.status === "paid" && row.status !== "initiated") return false;
    await tx.paymentSimInvoice.update({
      where: { id: invoiceId },
      data: {
        payments: [...row.payments.filter((p) => p.id !== payment.id), payment] as unknown as Prisma.InputJsonValue,
        ...(payment.status === "paid" ? { status: "paid" } : {}),
      },
    });
    return payment.status === "paid";
  });
  if (payment.status === "paid" && !paid) return;
  const times = payment.behaviour === "twice_webhook" ? 2 : 1;
  const delay = payment.behaviour === "late_webhook" ? settings().PAYMENT_SIM_WEBHOOK_DELAY_MS : 0;
  setTimeout(() => void sendWebhooks(invoiceId, payment, times), delay).unref?.();
}

async function sendWebhooks(invoiceId: string, payment: SimPayment, times: number) {
  const invoice = await simInvoice(invoiceId);
  if (!invoice?.callbackUrl) return;
  const { webhookSecret } = await simulatorKeys();
  const body = JSON.stringify({
    id: randomUUID(),
    type: payment.status === "paid" ? "payment_paid" : "payment_failed",
    created_at: new Date().toISOString(),
    secret_token: webhookSecret,
    account_name: "Tajer (simulated Moyasar)",
    live: false,
    data: { ...invoiceJson(invoice).payments.find((p) => p.id === payment.id), fee: 0, description: invoice.description, metadata: invoice.metadata },
  });
  for (let i = 0; i < times; i++) {
    await fetch(invoice.callbackUrl, { method: "POST", headers: { "content-type": "application/json" }, body, signal: AbortSignal.timeout(10_000) }).catch(
      (error: Error) => {
        console.error(`[payments-sim] webhook to ${invoice.callbackUrl} failed: ${error.message}`);
      },
    );
  }
}
