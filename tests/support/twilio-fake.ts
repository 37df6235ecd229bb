// A local Twilio-compatible Messages API for tests: the real twilio SDK talks to it. It can be told
// to fail, and it signs status callbacks the way Twilio does. It also plays the customer writing back:
// an incoming message is posted, signed, to the app's inbound webhook, as Twilio posts it.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";

export const FAKE_ACCOUNT_SID = `AC${"0".repeat(32)}`;
export const FAKE_AUTH_TOKEN = "local_fake_auth_token";

export type FakeMessage = { sid: string; to: string; from: string; body: string; statusCallback?: string };
/** `signedUrl`: the webhook URL Twilio was configured with, when the request reaches it by another address (a test's loopback). */
export type FakeInbound = { url: string; signedUrl?: string; from: string; body: string; to?: string; buttonPayload?: string };

/** A customer's message as Twilio delivers it to a messaging webhook: form fields, signed with the auth token. */
async function deliverInbound(message: FakeInbound) {
  const params: Record<string, string> = {
    AccountSid: FAKE_ACCOUNT_SID,
    MessageSid: `SM${randomBytes(16).toString("hex")}`,
    From: message.from,
    To: message.to ?? "+966500000000",
    Body: message.body,
    NumMedia: "0",
    ...(message.buttonPayload ? { ButtonPayload: message.buttonPayload, ButtonText: message.body } : {}),
  };
  const response = await fetch(message.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(FAKE_AUTH_TOKEN, message.signedUrl ?? message.url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.text(), sid: params.MessageSid };
}

export async function startTwilioFake(port = 0) {
  const messages: FakeMessage[] = [];
  let failuresLeft = 0;
  let slowLeft = 0;
  let slowMs = 0;
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
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec((req.url ?? "").split("?")[0]);
      res.setHeader("content-type", "application/json");
      if (!authorized) return res.writeHead(401).end(JSON.stringify({ code: 20003, message: "Authenticate", status: 401 }));
      if (match && req.method === "GET") {
        // Twilio's "list messages", newest first, filtered by To like the real one.
        const to = new URL(req.url ?? "/", "http://fake").searchParams.get("To");
        const list = messages.filter((m) => !to || m.to === to).reverse();
        return res.writeHead(200).end(JSON.stringify({ messages: list.map((m) => ({ sid: m.sid, to: m.to, from: m.from, body: m.body, status: "queued" })) }));
      }
      if (!match || req.method !== "POST") return res.writeHead(404).end(JSON.stringify({ code: 20404, message: "Not found", status: 404 }));
      if (failuresLeft > 0) {
        failuresLeft--;
        return res.writeHead(503).end(JSON.stringify({ code: 20503, message: "Service unavailable", status: 503 }));
      }
      const p = Object.fromEntries(new URLSearchParams(raw));
      if (!/^\+[1-9]\d{7,14}$/.test(p.To ?? "")) {
        return res.writeHead(400).end(JSON.stringify({ code: 21211, message: `The 'To' number ${p.To} is not a valid phone number.`, status: 400 }));
      }
      // Unique across runs, as Twilio's are (a restarted fake must not reuse a sid already on record).
      const sid = `SM${randomBytes(16).toString("hex")}`;
      messages.push({ sid, to: p.To, from: p.From, body: p.Body, statusCallback: p.StatusCallback });
      // Slow: the message is accepted, but the answer comes after the client has given up.
      if (slowLeft > 0) {
        slowLeft--;
        setTimeout(() => res.writeHead(201).end(JSON.stringify({ sid, status: "queued" })), slowMs);
        return;
      }
      res.writeHead(201).end(JSON.stringify({ sid, account_sid: FAKE_ACCOUNT_SID, to: p.To, from: p.From, body: p.Body, status: "queued", num_segments: "1" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    messages,
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
      return { body: new URLSearchParams(params).toString(), signature: twilio.getExpectedTwilioSignature(FAKE_AUTH_TOKEN, url, params) };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
