// Moyasar's invoices API, as documented: POST /v1/invoices (amount in halalas, currency, description,
// callback_url, success_url, back_url, metadata) → an invoice with a hosted payment page `url`;
// GET /v1/invoices/{id} → its status and payment attempts. HTTP Basic auth with the secret key as user
// name and no password. Webhooks carry the webhook's `secret_token` in their JSON body (no signature), so
// Tajer treats a webhook only as "ask again" and credits what the invoice, fetched with the secret key, says.
import { sameSecret } from "@/server/http/same-secret";
import { z } from "zod";
import type { NewInvoice, PaymentProvider, ProviderInvoice } from "./payment-provider";
import { PaymentProviderError } from "./payment-provider";

const invoiceSchema = z.object({
  id: z.string().min(1).max(100),
  status: z.enum(["initiated", "paid", "failed", "refunded", "canceled", "on_hold", "expired", "voided"]),
  amount: z.number().int(),
  currency: z.string().length(3),
  url: z.string().url(),
  metadata: z.record(z.string(), z.string()).nullish(),
  payments: z.array(z.object({ id: z.string(), status: z.string(), source: z.object({ message: z.string().nullish() }).partial().nullish() })).nullish(),
});

const TIMEOUT_MS = 15_000;

export function moyasarProvider(config: { apiBase: string; secretKey: string; webhookSecret: string }): PaymentProvider {
  const auth = `Basic ${Buffer.from(`${config.secretKey}:`).toString("base64")}`;
  async function call(path: string, init: RequestInit): Promise<ProviderInvoice> {
    let response: Response;
    try {
      response = await fetch(`${config.apiBase}${path}`, {
        ...init,
        headers: { authorization: auth, "content-type": "application/json", accept: "application/json" },
        redirect: "error",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new PaymentProviderError(`The payment provider could not be reached (${(error as Error).message}).`, true);
    }
    const text = await response.text();
    if (!response.ok) {
      let message = `status ${response.status}`;
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? message;
      } catch {
        // not JSON
      }
      throw new PaymentProviderError(`The payment provider refused: ${message}.`, response.status >= 500 || response.status === 429);
    }
    const parsed = invoiceSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new PaymentProviderError("The payment provider answered in a shape Tajer does not know.", true);
    const invoice = parsed.data;
    return {
      id: invoice.id,
      status: invoice.status,
      amount: invoice.amount,
      currency: invoice.currency,
      url: invoice.url,
      metadata: invoice.metadata ?? {},
      payments: (invoice.payments ?? []).map((p) => ({ id: p.id, status: p.status, message: p.source?.message ?? null })),
    };
  }
  return {
    id: "moyasar",
    createInvoice: (input: NewInvoice) =>
      call("/v1/invoices", {
        method: "POST",
        body: JSON.stringify({
          amount: input.amount,
          currency: input.currency,
          description: input.description,
          callback_url: input.callbackUrl,
          success_url: input.successUrl,
          back_url: input.backUrl,
          metadata: input.metadata,
        }),
      }),
    fetchInvoice: (id: string) => call(`/v1/invoices/${encodeURIComponent(id)}`, { method: "GET" }),
    verifyWebhook(body: unknown) {
      const token = (body as { secret_token?: unknown } | null)?.secret_token;
      if (typeof token !== "string") return false;
      return sameSecret(token, config.webhookSecret);
    },
  };
}
