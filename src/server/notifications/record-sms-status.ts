import twilio from "twilio";
import { db } from "@/server/db/client";
import type { SmsStatus } from "@/generated/prisma/enums";
import { enqueueJob } from "@/server/jobs/enqueue-job";
import { fallBackToSms } from "./send-sms";

const FROM_TWILIO: Record<string, SmsStatus> = {
  accepted: "QUEUED",
  queued: "QUEUED",
  sending: "QUEUED",
  sent: "SENT",
  delivered: "DELIVERED",
  read: "READ",
  undelivered: "UNDELIVERED",
  failed: "FAILED",
};
// Callbacks can arrive late and out of order: a status never moves back down this ladder.
const RANK: Record<SmsStatus, number> = { PENDING: 0, NOT_CONFIGURED: 0, QUEUED: 1, SENT: 2, DELIVERED: 3, UNDELIVERED: 3, FAILED: 3, READ: 4 };
/** Where the provider has said its last word on a message: its price can be asked for. */
const FINAL: readonly SmsStatus[] = ["DELIVERED", "READ", "UNDELIVERED", "FAILED"];

export function isValidTwilioSignature(authToken: string, signature: string | null, url: string, params: Record<string, string>) {
  return !!signature && twilio.validateRequest(authToken, signature, url, params);
}

/**
 * A Twilio status callback: updates the message it names (SMS, or WhatsApp up to "read") in the store its
 * address names. Returns false for an unknown message. A WhatsApp message that did not arrive goes by SMS where the store has SMS behind it;
 * once final, the message's price is fetched.
 */
export async function recordSmsStatus(params: Record<string, string>, storeId: string | null): Promise<boolean> {
  const status = FROM_TWILIO[params.MessageStatus ?? ""];
  // Messages sent before callbacks named their store are found by their SID alone (every shard is asked).
  const sms = !params.MessageSid
    ? null
    : storeId
      ? await db.smsMessage.findUnique({ where: { storeId_providerSid: { storeId, providerSid: params.MessageSid } } })
      : await db.smsMessage.findFirst({ where: { providerSid: params.MessageSid } });
  if (!sms) return false;
  if (!status || RANK[status] <= RANK[sms.status]) return true;
  const error =
    status === "FAILED" || status === "UNDELIVERED"
      ? `Carrier reported ${params.MessageStatus}${params.ErrorCode ? ` (error ${params.ErrorCode})` : ""}`
      : null;
  const moved = await db.$transaction(async (tx) => {
    // Callbacks for one message arrive at once ("delivered" and "read" a moment apart): each is decided on the
    // row as it is under its lock, so none is lost and none moves the status back.
    const [row] = await tx.$queryRaw<{ status: SmsStatus }[]>`
      SELECT status FROM sms_messages WHERE "storeId" = ${sms.storeId}::uuid AND id = ${sms.id}::uuid FOR UPDATE`;
    if (!row || RANK[status] <= RANK[row.status]) return false;
    await tx.smsMessage.update({ where: { storeId_id: { storeId: sms.storeId, id: sms.id } }, data: { status, ...(error ? { error } : {}) } });
    // The first final word asks for the price (a later "read" after "delivered" does not ask again).
    if (FINAL.includes(status) && !FINAL.includes(row.status))
      await enqueueJob(tx, "sms.price", { storeId: sms.storeId, smsId: sms.id }, { storeId: sms.storeId, runAt: new Date(Date.now() + 30_000) });
    return true;
  });
  if (moved && sms.channel === "WHATSAPP" && (status === "FAILED" || status === "UNDELIVERED")) await fallBackToSms(sms.storeId, sms.id);
  return true;
}
