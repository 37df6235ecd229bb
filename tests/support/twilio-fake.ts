// A local Twilio-compatible Messages API for tests: the real twilio SDK talks to it. It can be told
// to fail, and it signs status callbacks the way Twilio does. It also plays the customer writing back:
// an incoming message is posted, signed, to the app's inbound webhook, as Twilio posts it.
// WhatsApp as Twilio carries it: `whatsapp:+…` addresses, approved templates by content SID with numbered
// variables (a quick-reply template's buttons answer with their ids), free text only within 24 hours of the
// customer's last message (else error 63016), numbers not on WhatsApp (63003), and status callbacks up to
// "read". Every message carries a price once sent, as Twilio's message resource does.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";

export const FAKE_ACCOUNT_SID = `AC${"0".repeat(32)}`;
export const FAKE_AUTH_TOKEN = "local_fake_auth_token";
export const FAKE_WHATSAPP_FROM = "whatsapp:+14155238886";

type Template = { body: string; buttons?: { id: string; title: string }[] };
const sid = (n: number) => `HX${String(n).padStart(32, "0")}`;
// The templates this account has approved (Twilio's Content API), in both languages.
const TEMPLATES: Record<string, { ar: Template; en: Template }> = {
  "order.confirm_cod": {
    ar: {
      body: "مرحبًا {{1}}، أكّد طلبك {{2}} من {{3}} بالدفع عند الاستلام ({{5}}). تفاصيل الطلب: {{6}}",
      buttons: [
        { id: "confirm", title: "تأكيد" },
        { id: "cancel", title: "إلغاء" },
      ],
    },
    en: {
      body: "Hi {{1}}, please confirm your {{3}} order {{2}}, cash on delivery ({{5}}). Details: {{6}}",
      buttons: [
        { id: "confirm", title: "Confirm" },
        { id: "cancel", title: "Cancel" },
      ],
    },
  },
  "order.confirm_reminder": {
    ar: {
      body: "تذكير: طلبك {{2}} من {{3}} ينتظر تأكيدك ({{5}}). {{6}}",
      buttons: [
        { id: "confirm", title: "تأكيد" },
        { id: "cancel", title: "إلغاء" },
      ],
    },
    en: {
      body: "Reminder: your {{3}} order {{2}} is waiting for your confirmation ({{5}}). {{6}}",
      buttons: [
        { id: "confirm", title: "Confirm" },
        { id: "cancel", title: "Cancel" },
      ],
    },
  },
  "order.status_changed": {
    ar: { body: "مرحبًا {{1}}، حالة طلبك {{2}} من {{3}}: {{4}}. {{6}}" },
    en: { body: "Hi {{1}}, your {{3}} order {{2}} is now: {{4}}. {{6}}" },
  },
  "order.canceled": { ar: { body: "مرحبًا {{1}}، تم إلغاء طلبك {{2}} من {{3}}." }, en: { body: "Hi {{1}}, your {{3}} order {{2}} was canceled." } },
};
const BY_SID = new Map<string, Template>();
/** The templates' content SIDs by message and language, as the app's TWILIO_WHATSAPP_CONTENT names them. */
export const FAKE_WHATSAPP_CONTENT: Record<string, { ar: string; en: string }> = {};
Object.entries(TEMPLATES).forEach(([event, t], i) => {
  FAKE_WHATSAPP_CONTENT[event] = { ar: sid(2 * i + 1), en: sid(2 * i + 2) };
  BY_SID.set(sid(2 * i + 1), t.ar);
  BY_SID.set(sid(2 * i + 2), t.en);
});

// What this account pays, in USD, as Twilio writes it on a message: an SMS part to Saudi Arabia, and a WhatsApp
// message (Twilio's fee, plus Meta's for a template the business starts the conversation with).
const PRICE = { smsPart: 0.0791, whatsappTemplate: 0.0157, whatsappSession: 0.005 };
const smsParts = (body: string) => {
  const unicode = /[^\x00-\x7F]/.test(body);
  const [single, multi] = unicode ? [70, 67] : [160, 153];
  return body.length <= single ? 1 : Math.ceil(body.length / multi);
};

export type FakeMessage = {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback?: string;
  status: string;
  contentSid?: string;
  buttons?: { id: string; title: string }[];
  price: string;
  segments: number;
};
/** `signedUrl`: the webhook URL Twilio was configured with, when the request reaches it by another address (a test's loopback). */
export type FakeInbound = { url: string; signedUrl?: string; from: string; body: string; to?: string; buttonPayload?: string };

const sign = (url: string, params: Record<string, string>) => twilio.getExpectedTwilioSignature(FAKE_AUTH_TOKEN, url, params);
const postForm = (url: string, params: Record<string, string>, signedUrl = url) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": sign(signedUrl, params) },
    body: new URLSearchParams(params).toString(),
  });

export async function startTwilioFake(port = 0, options: { callbackDelayMs?: number } = {}) {
  const messages: FakeMessage[] = [];
  /** When each WhatsApp address last wrote: free text may answer within 24 hours. */
  const lastWrote = new Map<string, number>();
  /** Numbers that have no WhatsApp. */
  const noWhatsApp = new Set<string>();
  let failuresLeft = 0;
  let slowLeft = 0;
  let slowMs = 0;
  const delay = options.callbackDelayMs ?? 100;

  /** A customer's message as Twilio delivers it to a messaging webhook: form fields, signed with the auth token. */
  async function deliverInbound(message: FakeInbound) {
    const params: Record<string, string> = {
      AccountSid: FAKE_ACCOUNT_SID,
      MessageSid: `SM${randomBytes(16).toString("hex")}`,
      From: message.from,
      To: message.to ?? (message.from.startsWith("whatsapp:") ? FAKE_WHATSAPP_FROM : "+966500000000"),
      Body: message.body,
      NumMedia: "0",
      ...(message.buttonPayload ? { ButtonPayload: message.buttonPayload, ButtonText: message.body } : {}),
    };
    if (message.from.startsWith("whatsapp:")) lastWrote.set(message.from, Date.now());
    const response = await postForm(message.url, params, message.signedUrl);
    return { status: response.status, body: await response.text(), sid: params.MessageSid };
  }

  /** WhatsApp's way with a message: its status callbacks, one after another, as Twilio sends them. */
  function lifecycle(m: FakeMessage, steps: { status: string; errorCode?: string }[]) {
    steps.forEach((step, i) =>
      setTimeout(
        () => {
          m.status = step.status;
          if (!m.statusCallback) return;
          const params: Record<string, string> = {
            AccountSid: FAKE_ACCOUNT_SID,
            MessageSid: m.sid,
            MessageStatus: step.status,
            To: m.to,
            From: m.from,
            ChannelPrefix: "whatsapp",
            ...(step.errorCode ? { ErrorCode: step.errorCode } : {}),
          };
          postForm(m.statusCallback, params).catch(() => undefined);
        },
        delay * (i + 1),
      ),
    );
  }

  const resource = (m: FakeMessage) => ({
    sid: m.sid,
    account_sid: FAKE_ACCOUNT_SID,
    to: m.to,
    from: m.from,
    body: m.body,
    status: m.status,
    num_segments: String(m.segments),
    price: m.price,
    price_unit: "USD",
  });

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const authorized = req.headers.authorization === `Basic ${Buffer.from(`${FAKE_ACCOUNT_SID}:${FAKE_AUTH_TOKEN}`).toString("base64")}`;
      // The tests' own door (no credentials: it is the customer's phone, not the API): "the customer writes back".
      if (req.url === "/_fake/inbound" && req.method === "POST") {
        void deliverInbound(JSON.parse(raw) as FakeInbound).then(
          (result) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result)),
          (error: Error) => res.writeHead(502).end(JSON.stringify({ message: error.message })),
        );
        return;
      }
      const path = (req.url ?? "").split("?")[0];
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
      const one = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/(SM[0-9a-f]{32})\.json$/.exec(path);
      res.setHeader("content-type", "application/json");
      if (!authorized) return res.writeHead(401).end(JSON.stringify({ code: 20003, message: "Authenticate", status: 401 }));
      if (one && req.method === "GET") {
        const m = messages.find((x) => x.sid === one[2]);
        return m
          ? res.writeHead(200).end(JSON.stringify(resource(m)))
          : res.writeHead(404).end(JSON.stringify({ code: 20404, message: "Not found", status: 404 }));
      }
      if (match && req.method === "GET") {
        // Twilio's "list messages", newest first, filtered by To like the real one.
        const to = new URL(req.url ?? "/", "http://fake").searchParams.get("To");
        const list = messages.filter((m) => !to || m.to === to).reverse();
        return res.writeHead(200).end(JSON.stringify({ messages: list.map(resource) }));
      }
      if (!match || req.method !== "POST") return res.writeHead(404).end(JSON.stringify({ code: 20404, message: "Not found", status: 404 }));
      if (failuresLeft > 0) {
        failuresLeft--;
        return res.writeHead(503).end(JSON.stringify({ code: 20503, message: "Service unavailable", status: 503 }));
      }
      const p = Object.fromEntries(new URLSearchParams(raw));
      const refuse = (code: number, message: string) => res.writeHead(400).end(JSON.stringify({ code, message, status: 400 }));
      const whatsapp = (p.To ?? "").startsWith("whatsapp:");
      const number = (p.To ?? "").replace(/^whatsapp:/, "");
      if (!/^\+[1-9]\d{7,14}$/.test(number)) return refuse(21211, `The 'To' number ${p.To} is not a valid phone number.`);
      if (whatsapp && p.From !== FAKE_WHATSAPP_FROM) return refuse(63007, "Twilio could not find a Channel with the specified From address");
      let body = p.Body ?? "";
      let template: Template | undefined;
      if (p.ContentSid) {
        template = BY_SID.get(p.ContentSid);
        if (!template || !whatsapp) return refuse(21656, "The ContentSid is invalid.");
        let variables: Record<string, string>;
        try {
          variables = JSON.parse(p.ContentVariables ?? "{}") as Record<string, string>;
        } catch {
          return refuse(21656, "The Content Variables parameter is invalid.");
        }
        body = template.body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => variables[n] ?? "");
      } else if (!body) return refuse(21602, "Message body is required.");
      // Unique across runs, as Twilio's are (a restarted fake must not reuse a sid already on record).
      const sid = `SM${randomBytes(16).toString("hex")}`;
      const segments = whatsapp ? 1 : smsParts(body);
      const price = whatsapp ? (p.ContentSid ? PRICE.whatsappTemplate : PRICE.whatsappSession) : PRICE.smsPart * segments;
      const message: FakeMessage = {
        sid,
        to: p.To,
        from: p.From,
        body,
        statusCallback: p.StatusCallback,
        status: "queued",
        contentSid: p.ContentSid,
        buttons: template?.buttons,
        price: (-price).toFixed(5),
        segments,
      };
      messages.push(message);
      if (whatsapp) {
        const windowOpen = Date.now() - (lastWrote.get(p.To) ?? 0) < 24 * 3_600_000;
        if (noWhatsApp.has(number)) lifecycle(message, [{ status: "undelivered", errorCode: "63003" }]);
        else if (!p.ContentSid && !windowOpen) lifecycle(message, [{ status: "failed", errorCode: "63016" }]);
        else lifecycle(message, [{ status: "sent" }, { status: "delivered" }, { status: "read" }]);
      }
      // Slow: the message is accepted, but the answer comes after the client has given up.
      if (slowLeft > 0) {
        slowLeft--;
        setTimeout(() => res.writeHead(201).end(JSON.stringify({ sid, status: "queued" })), slowMs);
        return;
      }
      res.writeHead(201).end(JSON.stringify(resource(message)));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    messages,
    noWhatsApp,
    failNext(n: number) {
      failuresLeft = n;
    },
    /** The next n messages are accepted but answered only after `ms`. */
    slowNext(n: number, ms: number) {
      slowLeft = n;
      slowMs = ms;
    },
    /** The customer writes back: the message is posted, signed, to the app's inbound webhook. */
    inbound: deliverInbound,
    /** The form body and signature Twilio would send to a status callback URL. */
    signedCallback(url: string, params: Record<string, string>) {
      return { body: new URLSearchParams(params).toString(), signature: sign(url, params) };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
