import { db } from "@/server/db/client";
import { PermanentSmsError, type SmsProvider } from "./sms-provider";
import { publicUrl } from "@/server/http/public-url";

const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * Sends one recorded SMS. Safe to run again: a message that already left is not sent twice.
 * Transient provider failures throw, and the job is retried with backoff.
 */
export async function sendSms(payload: { storeId: string; smsId: string }, provider: SmsProvider | null) {
  const sms = await db.smsMessage.findUnique({
    where: { storeId_id: { storeId: payload.storeId, id: payload.smsId } },
    include: { store: { select: { smsSenderName: true } } },
  });
  if (!sms || sms.status !== "PENDING") return;
  const mark = (data: { status: "NOT_CONFIGURED" | "FAILED" | "QUEUED" | "SENT"; error?: string | null; providerSid?: string; sentAt?: Date }) =>
    db.smsMessage.updateMany({ where: { storeId: sms.storeId, id: sms.id, status: "PENDING" }, data });

  if (!provider) return void (await mark({ status: "NOT_CONFIGURED", error: "SMS provider not configured" }));
  if (!E164.test(sms.to)) return void (await mark({ status: "FAILED", error: `"${sms.to}" is not a valid phone number` }));

  await db.smsMessage.update({ where: { storeId_id: { storeId: sms.storeId, id: sms.id } }, data: { attempts: { increment: 1 } } });
  try {
    // A retry: the last attempt may have reached the provider and only its answer was lost.
    const already = sms.attempts > 0 ? await provider.findSent({ to: sms.to, body: sms.body, since: sms.createdAt }) : null;
    const sent =
      already ??
      (await provider.send({
        to: sms.to,
        from: process.env.TWILIO_FROM ?? sms.store.smsSenderName,
        body: sms.body,
        statusCallback: `${publicUrl()}/api/webhooks/twilio/status`,
      }));
    await mark({ status: sent.status === "sent" ? "SENT" : "QUEUED", providerSid: sent.sid, sentAt: new Date(), error: null });
  } catch (error) {
    if (error instanceof PermanentSmsError) return void (await mark({ status: "FAILED", error: error.message }));
    await db.smsMessage.update({ where: { storeId_id: { storeId: sms.storeId, id: sms.id } }, data: { error: (error as Error).message.slice(0, 500) } });
    throw error;
  }
}

/** When retries are exhausted: the message is marked failed with the last reason, for the merchant to see. */
export async function giveUpSms(payload: { storeId: string; smsId: string }, reason: string) {
  await db.smsMessage.updateMany({
    where: { storeId: payload.storeId, id: payload.smsId, status: "PENDING" },
    data: { status: "FAILED", error: reason.slice(0, 500) },
  });
}
