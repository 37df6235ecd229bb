import twilio from "twilio";
import { db } from "@/server/db/client";
import type { SmsStatus } from "@/generated/prisma/enums";

const FROM_TWILIO: Record<string, SmsStatus> = {
  accepted: "QUEUED",
  queued: "QUEUED",
  sending: "QUEUED",
  sent: "SENT",
  delivered: "DELIVERED",
  undelivered: "UNDELIVERED",
  failed: "FAILED",
};
// Callbacks can arrive late and out of order: a status never moves back down this ladder.
const RANK: Record<SmsStatus, number> = { PENDING: 0, NOT_CONFIGURED: 0, QUEUED: 1, SENT: 2, DELIVERED: 3, UNDELIVERED: 3, FAILED: 3 };

export function isValidTwilioSignature(authToken: string, signature: string | null, url: string, params: Record<string, string>) {
  return !!signature && twilio.validateRequest(authToken, signature, url, params);
}

/** A Twilio status callback: updates the message it names. Returns false for an unknown message. */
export async function recordSmsStatus(params: Record<string, string>): Promise<boolean> {
  const status = FROM_TWILIO[params.MessageStatus ?? ""];
  const sms = params.MessageSid ? await db.smsMessage.findUnique({ where: { providerSid: params.MessageSid } }) : null;
  if (!sms) return false;
  if (!status || RANK[status] <= RANK[sms.status]) return true;
  const error =
    status === "FAILED" || status === "UNDELIVERED"
      ? `Carrier reported ${params.MessageStatus}${params.ErrorCode ? ` (error ${params.ErrorCode})` : ""}`
      : null;
  await db.smsMessage.updateMany({ where: { storeId: sms.storeId, id: sms.id, status: sms.status }, data: { status, ...(error ? { error } : {}) } });
  return true;
}
