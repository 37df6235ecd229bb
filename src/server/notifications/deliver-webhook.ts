import { createHmac } from "node:crypto";
import { db } from "@/server/db/client";

/** `sha256=<hex>` of the body with the store's webhook secret; the receiver recomputes and compares. */
export function signWebhook(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Delivers one webhook to the store's URL; anything but a 2xx throws, and the job is retried. */
export async function deliverWebhook(payload: { storeId: string; event: string; body: Record<string, unknown> }) {
  const store = await db.store.findUnique({ where: { id: payload.storeId }, select: { webhookUrl: true, webhookSecret: true } });
  if (!store?.webhookUrl || !store.webhookSecret) return;
  const body = JSON.stringify(payload.body);
  const response = await fetch(store.webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json", "x-tajer-event": payload.event, "x-tajer-signature": signWebhook(store.webhookSecret, body) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`Webhook answered ${response.status}`);
}
