// Where top-up money comes from: a payment provider with a hosted checkout. Tajer's is Moyasar (a Saudi
// gateway: amounts in halalas like Tajer's own, mada, Apple Pay and STC Pay on one hosted invoice page, and
// an invoice that the server can always ask about), behind this interface. In a demo, the same Moyasar
// adapter talks to the local payment simulator (src/server/wallet/payment-simulator.ts) instead of
// api.moyasar.com.
import { publicUrl } from "@/server/http/public-url";
import { installationSecret } from "@/server/installation/installation-settings";
import { moyasarProvider } from "./moyasar";

export type InvoiceStatus = "initiated" | "paid" | "failed" | "refunded" | "canceled" | "on_hold" | "expired" | "voided";

/** What the provider says about a checkout: asked by the server, never taken from a browser or a webhook body. */
export type ProviderInvoice = {
  id: string;
  status: InvoiceStatus;
  amount: number;
  currency: string;
  url: string;
  metadata: Record<string, string>;
  /** Payment attempts on it, newest last: a declined card, a failed 3-D Secure step… */
  payments: { id: string; status: string; message: string | null }[];
};

export type NewInvoice = {
  amount: number;
  currency: string;
  description: string;
  /** Where the provider notifies us (its webhook). */
  callbackUrl: string;
  /** Where the merchant's browser goes after paying, and when they go back. */
  successUrl: string;
  backUrl: string;
  metadata: Record<string, string>;
};

export interface PaymentProvider {
  readonly id: "moyasar";
  createInvoice(input: NewInvoice): Promise<ProviderInvoice>;
  fetchInvoice(id: string): Promise<ProviderInvoice>;
  /** Whether a webhook's body carries our shared secret (it says only "ask me"; the invoice is fetched). */
  verifyWebhook(body: unknown): boolean;
}

/** The provider could not be reached, or refused: nothing was charged or credited. */
export class PaymentProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Whether this installation pays through the local simulator (no Moyasar key configured: a demo or a test). */
export function paymentSimulatorEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !env.MOYASAR_SECRET_KEY?.trim();
}

/** The simulator's keys: made for this installation on first use, like every secret that is not configured. */
export async function simulatorKeys(): Promise<{ secretKey: string; webhookSecret: string }> {
  return { secretKey: `sk_test_${await installationSecret("payment-sim-key")}`, webhookSecret: await installationSecret("payment-sim-webhook") };
}

/** Moyasar with MOYASAR_SECRET_KEY and MOYASAR_WEBHOOK_SECRET; otherwise Moyasar's API as the local simulator plays it. */
export async function paymentProvider(env: Record<string, string | undefined> = process.env): Promise<PaymentProvider> {
  if (!paymentSimulatorEnabled(env)) {
    const webhookSecret = env.MOYASAR_WEBHOOK_SECRET?.trim();
    if (!webhookSecret)
      throw new PaymentProviderError(
        "MOYASAR_WEBHOOK_SECRET is not set: payments cannot be confirmed by webhook. Set it to the secret token of the webhook in Moyasar's dashboard.",
        false,
      );
    return moyasarProvider({ apiBase: env.MOYASAR_API_BASE?.trim() || "https://api.moyasar.com", secretKey: env.MOYASAR_SECRET_KEY!.trim(), webhookSecret });
  }
  const keys = await simulatorKeys();
  return moyasarProvider({ apiBase: `${publicUrl()}/payments-sim`, ...keys });
}
