import { db } from "@/server/db/client";
import { signPayload } from "@/server/http/signed-webhook";
import { postOutbound } from "@/server/http/outbound";

/**
 * `t=<unix seconds>,v1=<hex>`: HMAC-SHA256 of "<t>.<body>" with the store's webhook secret. The receiver
 * recomputes it and refuses a timestamp more than a few minutes old, so a captured delivery cannot be
 * replayed (the same scheme Tajer asks of the webhooks it receives).
 */
export function signWebhook(secret: string, body: string, now = Date.now()): string {
  return signPayload(secret, body, Math.floor(now / 1000));
}

/**
 * Delivers one webhook to the store's URL, under the outbound rules (https, public addresses only, no
 * redirects, bounded time and size); anything but a 2xx throws, and the job is retried.
 */
export async function deliverWebhook(payload: { storeId: string; event: string; body: Record<string, unknown> }) {
  const store = await db.store.findUnique({ where: { id: payload.storeId }, select: { webhookUrl: true, webhookSecret: true } });
  if (!store?.webhookUrl || !store.webhookSecret) return;
  const body = JSON.stringify(payload.body);
  const { status } = await postOutbound(store.webhookUrl, body, {
    "content-type": "application/json",
    "x-tajer-event": payload.event,
    "x-tajer-signature": signWebhook(store.webhookSecret, body),
  });
  if (status < 200 || status >= 300) throw new Error(`Webhook answered ${status}`);
}
