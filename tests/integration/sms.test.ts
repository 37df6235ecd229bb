import http from "node:http";
import https from "node:https";
import { createHmac } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db/client";
import { jobHandlers } from "@/server/jobs/handlers";
import { runDueJobs } from "@/server/jobs/worker";
import { twilioProvider } from "@/server/notifications/sms-provider";
import { smsSettingsInput } from "@/server/notifications/sms-settings";
import { parseInput } from "@/server/http/validation";
import { localCertificate } from "../support/tls";
import { transitionOrder } from "@/server/orders/transition-order";
import { transitionOrderInput } from "@/server/orders/schemas-transition";
import { POST as twilioStatus } from "@/app/api/webhooks/twilio/status/route";
import { seedOrder, seedStore, type SeededStore } from "../support/factories";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, startTwilioFake } from "../support/twilio-fake";

let fake: Awaited<ReturnType<typeof startTwilioFake>>;
let handlers: ReturnType<typeof jobHandlers>;
const PUBLIC = "http://tajer.test";

beforeAll(async () => {
  fake = await startTwilioFake();
  handlers = jobHandlers({ sms: twilioProvider({ accountSid: FAKE_ACCOUNT_SID, authToken: FAKE_AUTH_TOKEN, apiBase: fake.base }) });
  vi.stubEnv("PUBLIC_URL", PUBLIC);
  vi.stubEnv("TWILIO_AUTH_TOKEN", FAKE_AUTH_TOKEN);
});
afterAll(async () => {
  await fake.close();
  vi.unstubAllEnvs();
});

const move = (s: SeededStore, orderId: string, input: Record<string, unknown>) => transitionOrder(s.ctx(), orderId, transitionOrderInput.parse(input));
/** Runs this store's jobs as the worker would, moving a simulated clock to each retry, until none is left. */
async function drain(storeId: string, from = new Date()) {
  let at = from;
  for (let i = 0; i < 20; i++) {
    const next = await db.job.findFirst({ where: { storeId, doneAt: null, failedAt: null }, orderBy: { runAt: "asc" } });
    if (!next) return;
    if (next.runAt > at) at = next.runAt;
    await runDueJobs(handlers, { now: at, storeId });
  }
}
const smsOf = (s: SeededStore, orderId: string) => db.smsMessage.findMany({ where: { storeId: s.store.id, orderId }, orderBy: { createdAt: "asc" } });

describe("customer SMS through the job queue", () => {
  it("a status change with the SMS toggle on sends one message after commit, in the store's language", async () => {
    const s = await seedStore();
    const order = await seedOrder(s, { name: "سارة" });
    await move(s, order.id, { to: "in_progress", customerNote: "نجهز طلبك الآن", notifyCustomer: true });
    const [queued] = await smsOf(s, order.id);
    expect(queued.status).toBe("PENDING");
    expect(fake.messages.filter((m) => m.to === order.customer.phone)).toHaveLength(0);
    await drain(s.store.id);
    const [sms] = await smsOf(s, order.id);
    expect(sms.status, sms.error ?? "").toBe("QUEUED");
    const sent = fake.messages.filter((m) => m.to === order.customer.phone);
    expect(sent).toHaveLength(1);
    const { publicToken } = await db.order.findUniqueOrThrow({ where: { storeId_id: { storeId: s.store.id, id: order.id } } });
    expect(sent[0].body).toBe(`مرحبًا سارة، حالة طلبك #${order.number} من ${s.store.name}: قيد التنفيذ. نجهز طلبك الآن ${PUBLIC}/o/${publicToken}`);
    expect(sent[0].from).toBe("Tajer");
    // The callback names the store: Twilio signs the whole address, and the message is found in its store.
    expect(sent[0].statusCallback).toBe(`${PUBLIC}/api/webhooks/twilio/status?s=${s.store.id}`);
  });

  it("with the toggle off nothing is sent, but a cancel always tells the customer", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    await move(s, order.id, { to: "in_progress", notifyCustomer: false });
    expect(await smsOf(s, order.id)).toHaveLength(0);
    await move(s, order.id, { to: "canceled" });
    expect((await smsOf(s, order.id)).map((m) => m.event)).toEqual(["order.canceled"]);
  });

  it("provider down for a while: retried with backoff, delivered exactly once", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    await move(s, order.id, { to: "canceled" });
    fake.failNext(3);
    const start = new Date();
    await runDueJobs(handlers, { now: start, storeId: s.store.id });
    let job = await db.job.findFirstOrThrow({ where: { storeId: s.store.id } });
    expect(job.attempts).toBe(1);
    expect(job.lastError).toMatch(/unavailable/i);
    expect(job.runAt.getTime()).toBeGreaterThan(start.getTime());
    // Not due yet: nothing runs.
    expect(await runDueJobs(handlers, { now: start, storeId: s.store.id })).toBe(0);
    await drain(s.store.id, start);
    job = await db.job.findFirstOrThrow({ where: { storeId: s.store.id } });
    expect(job.doneAt).not.toBeNull();
    expect(job.attempts).toBe(4);
    expect(fake.messages.filter((m) => m.to === order.customer.phone)).toHaveLength(1);
    const [sms] = await smsOf(s, order.id);
    expect([sms.status, sms.attempts]).toEqual(["QUEUED", 4]);
    // Running the same job again (a redelivery) does not send again.
    await handlers["sms.send"].run({ storeId: s.store.id, smsId: sms.id }, { now: new Date() });
    expect(fake.messages.filter((m) => m.to === order.customer.phone)).toHaveLength(1);
  });

  it("without a provider the message is kept and marked not sent", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    await move(s, order.id, { to: "canceled" });
    await runDueJobs(jobHandlers({ sms: null }), { storeId: s.store.id });
    expect((await smsOf(s, order.id))[0]).toMatchObject({ status: "NOT_CONFIGURED", error: "SMS provider not configured" });
  });

  it("a number the provider refuses is marked failed with the reason, and the worker carries on", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    await db.order.update({ where: { storeId_id: { storeId: s.store.id, id: order.id } }, data: { customerPhone: "+1" } });
    await move(s, order.id, { to: "canceled" });
    await drain(s.store.id);
    expect((await smsOf(s, order.id))[0]).toMatchObject({ status: "FAILED", error: '"+1" is not a valid phone number' });
    expect((await db.job.findFirstOrThrow({ where: { storeId: s.store.id } })).doneAt).not.toBeNull();
  });

  it("status callbacks update the message; forged ones are rejected; late ones never move it back", async () => {
    const s = await seedStore();
    const order = await seedOrder(s);
    await move(s, order.id, { to: "canceled" });
    await drain(s.store.id);
    const [sms] = await smsOf(s, order.id);
    const url = `${PUBLIC}/api/webhooks/twilio/status?s=${s.store.id}`;
    const post = (params: Record<string, string>, signature?: string, at = url) => {
      const signed = fake.signedCallback(at, params);
      return twilioStatus(
        new Request(at, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature ?? signed.signature },
          body: signed.body,
        }),
      );
    };
    expect((await post({ MessageSid: sms.providerSid!, MessageStatus: "delivered" }, "forged")).status).toBe(401);
    expect((await smsOf(s, order.id))[0].status).toBe("QUEUED");
    expect((await post({ MessageSid: sms.providerSid!, MessageStatus: "delivered" })).status).toBe(204);
    expect((await post({ MessageSid: sms.providerSid!, MessageStatus: "sent" })).status).toBe(204);
    expect((await smsOf(s, order.id))[0].status).toBe("DELIVERED");
    expect((await post({ MessageSid: "SM-unknown", MessageStatus: "sent" })).status).toBe(404);
    // Another store named in the address: its signature is Twilio's, but the message is not that store's.
    const other = await seedStore();
    expect(
      (await post({ MessageSid: sms.providerSid!, MessageStatus: "read" }, undefined, `${PUBLIC}/api/webhooks/twilio/status?s=${other.store.id}`)).status,
    ).toBe(404);
    // The address Twilio signed, with the store changed on the way: refused.
    const signedForOther = fake.signedCallback(`${PUBLIC}/api/webhooks/twilio/status?s=${other.store.id}`, {
      MessageSid: sms.providerSid!,
      MessageStatus: "read",
    });
    expect((await post({ MessageSid: sms.providerSid!, MessageStatus: "read" }, signedForOther.signature)).status).toBe(401);
    // A message sent before callbacks named their store is still found by its SID.
    expect((await post({ MessageSid: sms.providerSid!, MessageStatus: "read" }, undefined, `${PUBLIC}/api/webhooks/twilio/status`)).status).toBe(204);
    expect((await smsOf(s, order.id))[0].status).toBe("READ");
  });
});

describe("stores with their own SMS provider", () => {
  it("get a signed webhook (over a timestamp and the body), retried until it is accepted, and no SMS", async () => {
    const received: { body: string; signature: string | undefined; event: string | undefined }[] = [];
    let refuse = 1;
    // A real TLS server on this machine: the installation trusts it by name (OUTBOUND_ALLOW_PRIVATE_HOSTS)
    // and its authority (OUTBOUND_CA_FILE), as it would an SMS gateway on its own network.
    const tls = localCertificate();
    const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        if (refuse-- > 0) return res.writeHead(500).end();
        received.push({ body, signature: req.headers["x-tajer-signature"] as string, event: req.headers["x-tajer-event"] as string });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    vi.stubEnv("OUTBOUND_ALLOW_PRIVATE_HOSTS", `127.0.0.1:${port}`);
    vi.stubEnv("OUTBOUND_CA_FILE", tls.caFile);
    const s = await seedStore();
    await db.store.update({
      where: { id: s.store.id },
      data: { smsMode: "OWN_PROVIDER", webhookUrl: `https://127.0.0.1:${port}/tajer`, webhookSecret: "whsec_test" },
    });
    const order = await seedOrder(s);
    await move(s, order.id, { to: "in_progress", customerNote: "Packing", notifyCustomer: true });
    await drain(s.store.id);
    server.close();
    expect(await smsOf(s, order.id)).toHaveLength(0);
    expect(received).toHaveLength(1);
    expect(received[0].event).toBe("order.status_changed");
    // Checked as a receiver would, independently of the app's signer: t=…,v1=HMAC("<t>.<body>"), and fresh.
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(received[0].signature ?? "") ?? [];
    expect(v1).toBe(createHmac("sha256", "whsec_test").update(`${t}.${received[0].body}`).digest("hex"));
    expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(60);
    expect(JSON.parse(received[0].body)).toMatchObject({ event: "order.status_changed", orderId: order.id, status: "in_progress", note: "Packing" });
    vi.stubEnv("OUTBOUND_ALLOW_PRIVATE_HOSTS", "");
  });

  it("never reach a private address: plain http and private hosts are refused when saved, and a delivery to one never leaves", async () => {
    const s = await seedStore();
    for (const [webhookUrl, problem] of [
      ["http://hooks.example.com/tajer", "must start with https://"],
      ["https://169.254.169.254/latest/meta-data/", "must be a public address"],
      ["https://localhost:5432/", "must be a public address"],
    ] as const) {
      expect(() => parseInput(smsSettingsInput, { mode: "OWN_PROVIDER", senderName: "Shop", webhookUrl }), webhookUrl).toThrow(
        expect.objectContaining({ code: "VALIDATION_FAILED", fields: { webhookUrl: problem } }),
      );
    }
    // One that slipped in (saved before these rules) is refused at delivery, before any connection.
    let connections = 0;
    const server = http.createServer((_req, res) => (connections++, res.writeHead(200).end()));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    await db.store.update({
      where: { id: s.store.id },
      data: { smsMode: "OWN_PROVIDER", webhookUrl: `https://127.0.0.1:${(server.address() as AddressInfo).port}/x`, webhookSecret: "whsec_test" },
    });
    const order = await seedOrder(s);
    await move(s, order.id, { to: "in_progress", notifyCustomer: true });
    await runDueJobs(handlers, { storeId: s.store.id });
    server.close();
    expect(connections).toBe(0);
    expect((await db.job.findFirstOrThrow({ where: { storeId: s.store.id, kind: "webhook.deliver" } })).lastError).toMatch(/public address/);
  });
});
