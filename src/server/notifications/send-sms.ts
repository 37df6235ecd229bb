import { db } from "@/server/db/client";
import { PermanentSmsError, type SmsProvider } from "./sms-provider";
import { publicUrl } from "@/server/http/public-url";
import { settings } from "@/server/settings";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { whatsappAddress } from "./whatsapp";
import { estimateMicros, readMessagePrices } from "./message-prices";
import { uuidv7 } from "@/server/ids";

const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * Sends one recorded message, SMS or WhatsApp. Safe to run again: a message that already left is not sent
 * twice. Transient provider failures throw, and the job is retried with backoff. A WhatsApp message that
 * cannot leave, where the store has SMS behind WhatsApp, is sent by SMS instead.
 */
/**
 * Where Twilio reports a message's status: the store rides in the address (Twilio signs the whole of it),
 * so the callback finds its message by (store, message SID), a single-shard read on a sharded database.
 */
export function statusCallbackUrl(storeId: string): string {
  return `${publicUrl()}/api/webhooks/twilio/status?s=${storeId}`;
}

export async function sendSms(payload: { storeId: string; smsId: string }, provider: SmsProvider | null) {
  const sms = await db.smsMessage.findUnique({
    where: { storeId_id: { storeId: payload.storeId, id: payload.smsId } },
    include: { store: { select: { smsSenderName: true } } },
  });
  if (!sms || sms.status !== "PENDING") return;
  const mark = (data: { status: "NOT_CONFIGURED" | "FAILED" | "QUEUED" | "SENT"; error?: string | null; providerSid?: string; sentAt?: Date }) =>
    db.smsMessage.updateMany({ where: { storeId: sms.storeId, id: sms.id, status: "PENDING" }, data });
  const whatsapp = sms.channel === "WHATSAPP";
  const from = whatsapp ? settings().TWILIO_WHATSAPP_FROM : (process.env.TWILIO_FROM ?? sms.store.smsSenderName);
  const failed = async (status: "NOT_CONFIGURED" | "FAILED", error: string) => {
    await mark({ status, error });
    if (whatsapp) await fallBackToSms(sms.storeId, sms.id);
  };

  if (!provider) return failed("NOT_CONFIGURED", "SMS provider not configured");
  if (!from) return failed("NOT_CONFIGURED", "WhatsApp sender not configured");
  if (!E164.test(sms.to)) return failed("FAILED", `"${sms.to}" is not a valid phone number`);

  await db.smsMessage.update({ where: { storeId_id: { storeId: sms.storeId, id: sms.id } }, data: { attempts: { increment: 1 } } });
  const to = whatsapp ? whatsappAddress(sms.to) : sms.to;
  const variables = (sms.contentVariables ?? undefined) as Record<string, string> | undefined;
  try {
    // A retry: the last attempt may have reached the provider and only its answer was lost.
    const already =
      sms.attempts > 0
        ? await provider.findSent({ to, body: sms.body, since: sms.createdAt, bodyContains: sms.contentSid ? variables?.["2"] : undefined })
        : null;
    const sent =
      already ??
      (await provider.send({
        to,
        from,
        body: sms.body,
        ...(sms.contentSid ? { contentSid: sms.contentSid, contentVariables: variables } : {}),
        statusCallback: statusCallbackUrl(sms.storeId),
      }));
    await mark({ status: sent.status === "sent" ? "SENT" : "QUEUED", providerSid: sent.sid, sentAt: new Date(), error: null });
  } catch (error) {
    if (error instanceof PermanentSmsError) return failed("FAILED", error.message);
    await db.smsMessage.update({ where: { storeId_id: { storeId: sms.storeId, id: sms.id } }, data: { error: (error as Error).message.slice(0, 500) } });
    throw error;
  }
}

/** When retries are exhausted: the message is marked failed with the last reason, for the merchant to see. */
export async function giveUpSms(payload: { storeId: string; smsId: string }, reason: string) {
  const { count } = await db.smsMessage.updateMany({
    where: { storeId: payload.storeId, id: payload.smsId, status: "PENDING" },
    data: { status: "FAILED", error: reason.slice(0, 500) },
  });
  if (count) await fallBackToSms(payload.storeId, payload.smsId);
}

/**
 * The SMS copy of a WhatsApp message that did not arrive, for stores with SMS behind WhatsApp: sent at most
 * once (one conditional update claims the message's fallback), and never for a message WhatsApp delivered.
 */
export async function fallBackToSms(storeId: string, smsId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<{ id: string }[]>`
      UPDATE sms_messages m SET "fallbackId" = ${uuidv7()}::uuid, "updatedAt" = now()
      FROM stores s
      WHERE m."storeId" = ${storeId}::uuid AND m.id = ${smsId}::uuid AND s.id = m."storeId"
        AND m.channel = 'WHATSAPP' AND m."fallbackId" IS NULL AND m.status NOT IN ('DELIVERED', 'READ')
        AND COALESCE((SELECT c."messagingChannel"::text FROM customers c WHERE c."storeId" = m."storeId" AND c.phone = m."to"), s."messagingChannel") = 'WHATSAPP_THEN_SMS'
      RETURNING m."fallbackId" AS id`;
    if (!claimed) return false;
    const original = await tx.smsMessage.findUniqueOrThrow({
      where: { storeId_id: { storeId, id: smsId } },
      include: { store: { select: { messagePrices: true } } },
    });
    await tx.smsMessage.create({
      data: {
        storeId,
        id: claimed.id,
        orderId: original.orderId,
        event: original.event,
        to: original.to,
        body: original.body,
        channel: "SMS",
        estimateMicros: estimateMicros({ channel: "SMS", body: original.body }, readMessagePrices(original.store.messagePrices)),
      },
    });
    await enqueueJob(tx, "sms.send", { storeId, smsId: claimed.id }, { storeId });
    return true;
  });
}

/** The `message.fallback` job: the wait for WhatsApp's "delivered" is over. */
export async function fallbackDue(payload: { storeId: string; smsId: string }) {
  await fallBackToSms(payload.storeId, payload.smsId);
}

/** The `sms.price` job: what the provider charged, once it has said (a message's price comes after it is sent). */
export async function recordSmsPrice(payload: { storeId: string; smsId: string }, provider: SmsProvider | null) {
  const sms = await db.smsMessage.findUnique({
    where: { storeId_id: { storeId: payload.storeId, id: payload.smsId } },
    select: { providerSid: true, priceMicros: true },
  });
  if (!provider || !sms?.providerSid || sms.priceMicros !== null) return;
  const price = await provider.fetchPrice(sms.providerSid);
  // Not priced yet: asked again later by the job's backoff.
  if (!price) throw new Error("the provider has not priced this message yet");
  await db.smsMessage.update({
    where: { storeId_id: { storeId: payload.storeId, id: payload.smsId } },
    data: { priceMicros: price.micros, priceUnit: price.unit, segments: price.segments },
  });
}
