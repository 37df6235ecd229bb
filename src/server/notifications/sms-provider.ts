import twilio from "twilio";

/** A message to send: text (`body`), or a WhatsApp template by its content SID with its variables. */
export type OutgoingSms = { to: string; from: string; body: string; contentSid?: string; contentVariables?: Record<string, string>; statusCallback?: string };
export type SentSms = { sid: string; status: string };
/** What the provider charged for a message, once it knows: millionths of `unit` (a positive amount), and SMS parts. */
export type SmsPrice = { micros: number; unit: string; segments: number | null } | null;

/** Where SMS leave. Production: Twilio. Tests: the real Twilio SDK against a local Twilio-compatible server. */
export interface SmsProvider {
  send(message: OutgoingSms): Promise<SentSms>;
  /**
   * A message to `to` with exactly this body that the provider accepted since `since`, or null. A send
   * that timed out may still have gone: a retry asks first, so the customer does not get it twice.
   */
  findSent(query: { to: string; body: string; since: Date; bodyContains?: string }): Promise<SentSms | null>;
  /** The price the provider put on a sent message (null until it has one). */
  fetchPrice(sid: string): Promise<SmsPrice>;
}

/** A provider answer that retrying cannot fix (a bad number, a refused sender). */
export class PermanentSmsError extends Error {}

class RedirectingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly base: string,
    timeout: number,
  ) {
    super({ timeout });
  }
  request<T>(options: Parameters<twilio.RequestClient["request"]>[0]) {
    options.uri = options.uri.replace(/^https:\/\/[a-z0-9.-]+\.twilio\.com/, this.base);
    return super.request<T>(options as never);
  }
}

export function twilioProvider(config: { accountSid: string; authToken: string; apiBase?: string; timeoutMs?: number }): SmsProvider {
  const timeout = config.timeoutMs ?? 15_000;
  const client = twilio(config.accountSid, config.authToken, {
    autoRetry: false,
    timeout,
    // (A client of our own carries its own timeout: Twilio's option reaches only its default client.)
    ...(config.apiBase ? { httpClient: new RedirectingRequestClient(config.apiBase, timeout) } : {}),
  });
  return {
    async send(message) {
      try {
        const sent = await client.messages.create({
          to: message.to,
          from: message.from,
          statusCallback: message.statusCallback,
          ...(message.contentSid
            ? { contentSid: message.contentSid, contentVariables: JSON.stringify(message.contentVariables ?? {}) }
            : { body: message.body }),
        });
        return { sid: sent.sid, status: sent.status };
      } catch (error) {
        const status = (error as { status?: number }).status;
        // 4xx from Twilio (bad number, unverified sender…) will not succeed on a retry; 429 and 5xx may.
        if (status && status >= 400 && status < 500 && status !== 429) throw new PermanentSmsError((error as Error).message);
        throw error;
      }
    },
    async findSent({ to, body, since, bodyContains }) {
      // A minute's slack for clocks; the body and number must match exactly.
      const recent = await client.messages.list({ to, dateSentAfter: new Date(since.getTime() - 60_000), limit: 50 });
      // A template's text is the provider's (only its variables are ours): it is recognised by one of them.
      const match = recent.find((m) => (bodyContains ? m.body.includes(bodyContains) : m.body === body));
      return match ? { sid: match.sid, status: match.status } : null;
    },
    async fetchPrice(sid) {
      const m = await client.messages(sid).fetch();
      // Twilio writes what it charged as a negative decimal string ("-0.07910") in `price_unit`.
      if (m.price === null || m.price === undefined || m.price === "") return null;
      const segments = Number(m.numSegments);
      return { micros: Math.round(Math.abs(Number(m.price)) * 1_000_000), unit: m.priceUnit ?? "USD", segments: Number.isFinite(segments) ? segments : null };
    },
  };
}

/** Twilio from TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN (and TWILIO_API_BASE to point elsewhere); null when unset. */
export function smsProviderFromEnv(env = process.env): SmsProvider | null {
  if (!env.TWILIO_ACCOUNT_SID || !env.TWILIO_AUTH_TOKEN) return null;
  return twilioProvider({ accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, apiBase: env.TWILIO_API_BASE });
}
