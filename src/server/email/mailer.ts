import "server-only";
import type { Transporter } from "nodemailer";

export type OutgoingEmail = { to: string; from: string; subject: string; text: string; html: string; messageId: string };

/** Where email leaves the installation: SMTP in every installation that has one (SMTP_URL). */
export interface Mailer {
  send(email: OutgoingEmail): Promise<{ providerId: string }>;
}

/** A permanent refusal (the address does not exist, the server will not take it): retrying cannot help. */
export class PermanentEmailError extends Error {}

/** SMTP through nodemailer: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://… (TLS from the start). */
export function smtpMailer(url: string, options: { timeoutMs?: number } = {}): Mailer {
  // Made on the first email (nodemailer is ~14 MB loaded): a worker that sends none does not hold it.
  let transport: Promise<Transporter> | null = null;
  const connect = async () =>
    (await import("nodemailer")).default.createTransport(url, {
      connectionTimeout: options.timeoutMs ?? 10_000,
      greetingTimeout: options.timeoutMs ?? 10_000,
      socketTimeout: options.timeoutMs ?? 20_000,
    });
  // A transport that could not be made is not kept: the next email tries again.
  const transporter = () =>
    (transport ??= connect().catch((error: unknown) => {
      transport = null;
      throw error;
    }));
  return {
    async send(email) {
      try {
        const info = await (await transporter()).sendMail({ ...email, headers: { "Auto-Submitted": "auto-generated" } });
        return { providerId: info.messageId ?? email.messageId };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx: the server refused this message for good (4xx and network errors are worth another try).
        if (code && code >= 500 && code < 600) throw new PermanentEmailError((error as Error).message);
        throw error;
      }
    },
  };
}
