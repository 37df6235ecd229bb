// Webhooks Tajer receives are signed over a timestamp and the raw body: `t=<unix seconds>,v1=<hex>` with
// v1 = HMAC-SHA256(secret, "<t>.<body>"). A signature older (or newer) than the tolerance is refused, and
// one already taken is refused as a replay: a captured request cannot be sent again.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { db } from "@/server/db/client";

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signPayload(secret: string, rawBody: string, timestamp: number): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

export type SignatureCheck = { ok: true; digest: string } | { ok: false; reason: "missing" | "malformed" | "mismatch" | "stale" };

/** Checks a `t=…,v1=…` signature header against the body, the secret and the clock. */
export function verifySignature(secret: string, rawBody: string, header: string | null, now = Date.now()): SignatureCheck {
  if (!header) return { ok: false, reason: "missing" };
  const parts = Object.fromEntries(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!/^\d{1,12}$/.test(parts.t ?? "") || !/^[0-9a-f]{64}$/.test(parts.v1 ?? "")) return { ok: false, reason: "malformed" };
  const expected = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest();
  if (!timingSafeEqual(Buffer.from(parts.v1, "hex"), expected)) return { ok: false, reason: "mismatch" };
  if (Math.abs(now / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: "stale" };
  return { ok: true, digest: createHash("sha256").update(header).digest("hex") };
}

/** Records a verified message as taken; false when it was already taken (a replay). */
export async function claimWebhookReceipt(source: string, digest: string): Promise<boolean> {
  const inserted = await db.$executeRaw`INSERT INTO webhook_receipts (source, digest) VALUES (${source}, ${digest}) ON CONFLICT DO NOTHING`;
  return inserted === 1;
}

/** A message taken but not acted on (deferred, or failed on our side): its sender may send it again. */
export async function releaseWebhookReceipt(source: string, digest: string): Promise<void> {
  await db.$executeRaw`DELETE FROM webhook_receipts WHERE source = ${source} AND digest = ${digest}`;
}

/** Receipts past the signature window can go: a replay that old is refused as stale anyway. */
export async function purgeWebhookReceipts(now = new Date()): Promise<number> {
  return db.$executeRaw`DELETE FROM webhook_receipts WHERE "receivedAt" < ${new Date(now.getTime() - 2 * SIGNATURE_TOLERANCE_SECONDS * 1000)}`;
}
