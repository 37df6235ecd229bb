import "server-only";
import { db } from "@/server/db/client";
import { settings } from "@/server/settings";
import { publicUrl } from "@/server/http/public-url";
import { PermanentEmailError, smtpMailer, type Mailer } from "./mailer";

/** The installation's mailer, or null when no SMTP server is configured (the emails are then recorded as not sent). */
export function mailerFromSettings(): Mailer | null {
  const url = settings().SMTP_URL;
  return url ? smtpMailer(url) : null;
}

const sender = () => settings().MAIL_FROM ?? `Tajer <no-reply@${new URL(publicUrl()).hostname}>`;
// Once sent, the body goes: it holds a one-time link that nobody needs to read from the database.
const BLANK = { text: "", html: "" };

/**
 * Sends one queued email; safe to run again (a message already sent is left alone). Transient failures
 * throw and the job retries with backoff. SMTP cannot be asked whether a timed-out message went through:
 * a retry after such a timeout may deliver it twice, under the same Message-ID.
 */
export async function sendEmail(payload: { emailId: string }, mailer: Mailer | null) {
  const email = await db.emailMessage.findUnique({ where: { id: payload.emailId } });
  if (!email || email.status !== "QUEUED") return;
  const mark = (data: { status: "SENT" | "FAILED"; providerId?: string; lastError?: string | null; sentAt?: Date }) =>
    db.emailMessage.updateMany({ where: { id: email.id, status: "QUEUED" }, data: { ...data, ...BLANK } });
  if (!mailer) return void (await mark({ status: "FAILED", lastError: "no SMTP server configured (SMTP_URL)" }));
  try {
    const sent = await mailer.send({
      to: email.to,
      from: sender(),
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<${email.id}@${new URL(publicUrl()).hostname}>`,
    });
    await mark({ status: "SENT", providerId: sent.providerId, sentAt: new Date(), lastError: null });
  } catch (error) {
    if (error instanceof PermanentEmailError) return void (await mark({ status: "FAILED", lastError: error.message.slice(0, 500) }));
    await db.emailMessage.update({ where: { id: email.id }, data: { lastError: (error as Error).message.slice(0, 500) } });
    throw error;
  }
}

/** When retries are exhausted. */
export async function giveUpEmail(payload: { emailId: string }, reason: string) {
  await db.emailMessage.updateMany({ where: { id: payload.emailId, status: "QUEUED" }, data: { status: "FAILED", lastError: reason.slice(0, 500), ...BLANK } });
}
